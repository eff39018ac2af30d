"""Where the shared evaluation data is: ENGAGE_SHARED_DATA, ../shared/data, or /work/shared/data."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_data(needs: str) -> Path:
    """The data folder holding the sub-folder ``needs``; exits with a clear message if none does."""
    candidates = [Path(os.environ["ENGAGE_SHARED_DATA"])] if os.environ.get("ENGAGE_SHARED_DATA") else []
    candidates += [ROOT.parent / "shared" / "data", Path("/work/shared/data")]
    for folder in candidates:
        if (folder / needs).is_dir():
            return folder
    sys.exit(f"The shared data folder (with {needs}/) is not here: set ENGAGE_SHARED_DATA to it.")
