# Makes tests/data/formats/article.pdf (fpdf2, `pip install fpdf2`; run in that folder): two pages, compressed content
# streams, a /Title in the document information.
import datetime
from fpdf import FPDF
pdf = FPDF(format="A4")
pdf.set_title("Russia's Rogozin to attend Rouhani inauguration")
pdf.set_creator("Dateline test fixture")
pdf.set_creation_date(datetime.datetime(2017, 8, 6, 9, 0, tzinfo=datetime.timezone.utc))
pdf.add_page()
pdf.set_font("Helvetica", style="B", size=16)
pdf.multi_cell(0, 8, "Russia's Rogozin to attend Rouhani inauguration", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("Helvetica", size=11)
pdf.multi_cell(0, 6, "TEHRAN, 5 August 2017 - Russian Deputy Prime Minister Dmitry Rogozin is set to visit Iran on Saturday to attend the inauguration ceremony of President Hassan Rouhani, the Kremlin said.", new_x="LMARGIN", new_y="NEXT")
pdf.add_page()
pdf.multi_cell(0, 6, "Rogozin met Iranian Defence Minister Hossein Dehghan in Tehran last year. The two countries signed an agreement on military cooperation in 2016.", new_x="LMARGIN", new_y="NEXT")
pdf.output("article.pdf")
