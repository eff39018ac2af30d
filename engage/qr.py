"""QR codes that open a consultation on a young person's phone."""
import io

import qrcode
from qrcode.image.pure import PyPNGImage
from qrcode.image.svg import SvgPathImage


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=PyPNGImage, box_size=10, border=4).save(buffer)
    return buffer.getvalue()


def qr_svg(url: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=SvgPathImage, box_size=10, border=4).save(buffer)
    return buffer.getvalue()
