"""XLSForm (the spreadsheet form standard of ODK and KoboToolbox) in and out of Engage.

``import_xlsform`` reads an .xlsx, .xls, .csv or .md form into a Survey with
notes on what was left out; ``write_xlsform`` writes a Survey as an .xlsx that
other XLSForm tools can open and that Engage reads back unchanged.
"""
from surveys.xlsform.errors import Finding, XLSFormError
from surveys.xlsform.reader import XLSFormImport, import_xlsform, read_xlsform
from surveys.xlsform.writer import write_xlsform

__all__ = ["Finding", "XLSFormError", "XLSFormImport", "import_xlsform", "read_xlsform", "write_xlsform"]
