"""Write the public corpus of company-name pairs of the duplicate check (issue 21):
sales_lead_sop/tests/data/company_name_pairs.csv, one pair a line with the reason it belongs.

Usage: python3 tools/make_company_name_pairs.py [--traditional opencc-dictionary/STCharacters.txt]

Pairs are built from the patterns of issue 21 (administrative levels before the trade name,
diacritics and transliterations, the legal forms of the countries our users sell to) and from
the seeds' own example (苏州日东精密电子有限公司, SOP.md §5). Trade names are invented; place
names are real divisions (民政部 codes, see sop_name_word_gazetteer_data.xml). The generator is
deterministic: the same run writes the same file.
"""

import argparse
import csv
import itertools
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "sales_lead_sop/tests/data/company_name_pairs.csv"

# (trade name 字号, industry 行业) of invented Chinese companies
TRADES = [
    ("日东", "精密电子"),
    ("华拓", "照明科技"),
    ("海辰", "五金制品"),
    ("博瑞", "信息科技"),
    ("鹭江", "电器"),
    ("恒泰", "机械设备"),
    ("美佳", "工艺品"),
    ("金梦", "塑胶五金"),
    ("联创", "橡胶制品"),
    ("宏达", "电器设备"),
    ("天府", "环保科技"),
    ("瑞丰", "纺织品"),
    ("嘉和", "包装材料"),
    ("汇通", "物流设备"),
    ("鑫源", "新材料"),
    ("明辉", "光电科技"),
    ("永利", "化工原料"),
    ("晨光", "文具用品"),
    ("盛达", "模具制造"),
    ("凯瑞", "医疗器械"),
    ("星辰", "网络科技"),
    ("万邦", "建材"),
    ("德润", "食品"),
    ("兴隆", "钢材"),
    ("佳禾", "农业科技"),
    ("锦华", "服饰"),
    ("力拓", "自动化设备"),
    ("东升", "电子元件"),
    ("富华", "家具"),
    ("宝丰", "陶瓷"),
    ("腾飞", "电气"),
    ("新宇", "汽车配件"),
]
# Other industries, for "same trade name, another company"
OTHER_INDUSTRIES = ["照明", "纺织", "物流", "食品", "医疗器械", "房地产", "服装", "化工", "软件", "餐饮"]
# (province short, city short, county-level division, township-level division in it)
PLACES = [
    ("江苏", "苏州", "吴中区", "木渎镇"),
    ("江苏", "苏州", "吴江区", "盛泽镇"),
    ("浙江", "杭州", "余杭区", "瓶窑镇"),
    ("浙江", "宁波", "鄞州区", "姜山镇"),
    ("广东", "深圳", "宝安区", "西乡街道"),
    ("广东", "佛山", "顺德区", "北滘镇"),
    ("四川", "成都", "武侯区", "簇桥街道"),
    ("山东", "青岛", "黄岛区", "灵山卫街道"),
    ("江苏", "南京", "江宁区", "秣陵街道"),
    ("江苏", "无锡", "滨湖区", "马山街道"),
    ("湖北", "武汉", "洪山区", "九峰乡"),
    ("福建", "厦门", "集美区", "灌口镇"),
    ("河北", "石家庄", "裕华区", "方村镇"),
    ("安徽", "合肥", "蜀山区", "南岗镇"),
    ("浙江", "温州", "瓯海区", "潘桥街道"),
    ("浙江", "嘉兴", "嘉善县", "西塘镇"),
    ("浙江", "湖州", "长兴县", "和平镇"),
    ("浙江", "湖州", "德清县", "新市镇"),
    ("江苏", "苏州", "昆山市", "周市镇"),
    ("江苏", "苏州", "张家港市", "塘桥镇"),
    ("浙江", "嘉兴", "桐乡市", "濮院镇"),
    ("福建", "泉州", "晋江市", "陈埭镇"),
    ("浙江", "温州", "乐清市", "柳市镇"),
    ("浙江", "金华", "义乌市", "佛堂镇"),
    ("湖南", "长沙", "长沙县", "黄兴镇"),
    ("河南", "郑州", "中牟县", "官渡镇"),
    ("山东", "潍坊", "寿光市", "古城街道"),
    ("内蒙古", "鄂尔多斯", "伊金霍洛旗", "札萨克镇"),
    ("湖北", "宜昌", "长阳土家族自治县", "龙舟坪镇"),
    ("辽宁", "大连", "甘井子区", "红旗街道"),
    ("陕西", "西安", "雁塔区", "鱼化寨街道"),
    ("广东", "东莞", "", "长安镇"),
]
PROVINCE_SUFFIX = {"内蒙古": "自治区"}
# Latin trade names and the (saved, typed, country) legal-form variants of issue 21
LATIN_TRADES = [
    "Orion Textiles",
    "Maju Jaya",
    "Anadolu Makina",
    "Pioneer Tools",
    "Atlas Components",
    "Milano Valves",
    "Vertex Industrial",
    "Northwind Hardware",
    "Summit Trading",
    "Sierra Plasticos",
    "Rio Verde Alimentos",
    "Kowalski Metal",
    "Delta Logistics",
    "Minh Phat",
    "Lion Rubber",
    "Harbour Foods",
]
LEGAL_VARIANTS = [
    ("Pvt. Ltd.", "Private Limited", "India"),
    ("Pvt Ltd", "PVT. LTD.", "India"),
    ("Private Limited", "Pvt.Ltd.", "India"),
    ("Sdn. Bhd.", "Sdn Bhd", "Malaysia"),
    ("SDN. BHD.", "Sdn.Bhd", "Malaysia"),
    ("S.A. de C.V.", "SA de CV", "Mexico"),
    ("S. de R.L. de C.V.", "S de RL de CV", "Mexico"),
    ("Ltda.", "LTDA", "Brazil"),
    ("S.A.", "S/A", "Brazil"),
    ("S.r.l.", "SRL", "Italy"),
    ("S.p.A.", "SPA", "Italy"),
    ("B.V.", "BV", "Netherlands"),
    ("N.V.", "NV", "Netherlands"),
    ("Pty Ltd", "Pty. Limited", "Australia"),
    ("PTY LTD", "Pty. Ltd.", "Australia"),
    ("Sp. z o.o.", "Sp. z.o.o.", "Poland"),
    ("Sp. z o.o.", "sp. z o. o.", "Poland"),
    ("Tbk", "Tbk.", "Indonesia"),
    ("Pte. Ltd.", "Pte Ltd", "Singapore"),
    ("PTE LTD", "Private Limited", "Singapore"),
    ("GmbH & Co. KG", "GmbH & Co KG", "Germany"),
    ("GmbH", "G.m.b.H.", "Germany"),
    ("A.Ş.", "AS", "Turkey"),
    ("Ltd. Şti.", "Ltd Sti", "Turkey"),
    ("San. ve Tic. Ltd. Şti.", "Sanayi ve Ticaret Ltd. Sti.", "Turkey"),
    ("Co., Ltd.", "Company Limited", "Vietnam/China"),
    ("Co.,Ltd", "CO LTD", "China"),
    ("Limited", "Ltd.", "United Kingdom"),
    ("PLC", "Public Limited Company", "United Kingdom"),
    ("Inc.", "Incorporated", "United States"),
    ("LLC", "L.L.C.", "United States"),
    ("Corp.", "Corporation", "United States"),
    ("SARL", "S.A.R.L.", "France"),
    ("S.A.S.", "SAS", "France"),
    ("S.L.", "SL", "Spain"),
    ("S.A.", "SA", "Spain"),
    ("AB", "Aktiebolag", "Sweden"),
    ("A/S", "AS", "Denmark"),
    ("Oy", "OY", "Finland"),
    ("K.K.", "KK", "Japan"),
    ("Co., Ltd.", "Co Ltd", "Thailand"),
    ("LLP", "L.L.P.", "United Kingdom"),
    ("Bhd.", "Berhad", "Malaysia"),
    ("s.r.o.", "spol. s r.o.", "Czech Republic"),
    ("Kft.", "KFT", "Hungary"),
    ("d.o.o.", "DOO", "Croatia"),
    ("S.A.C.", "SAC", "Peru"),
    ("Ltd.", "Limited", "Hong Kong"),
    ("(Pty) Ltd", "Pty Ltd", "South Africa"),
    ("LLC", "Limited Liability Company", "United Arab Emirates"),
    ("JSC", "Joint Stock Company", "Vietnam"),
    ("S.A.E.", "SAE", "Egypt"),
    ("ApS", "APS", "Denmark"),
    ("AG", "A.G.", "Switzerland"),
    ("OOO", "ООО", "Russia"),
]
# (saved, typed, reason) of Latin spellings
SPELLINGS = [
    ("Société Textile Lyonnaise SARL", "Societe Textile Lyonnaise S.A.R.L.", "diacritics and dotted form"),
    ("Müller Werkzeugbau GmbH", "Mueller Werkzeugbau GmbH", "umlaut against its ue transliteration"),
    ("Müller Werkzeugbau GmbH", "MULLER WERKZEUGBAU GMBH", "umlaut against the plain vowel"),
    ("Größe Antriebstechnik GmbH", "Groesse Antriebstechnik GmbH", "ß and ö transliterated"),
    ("Größe Antriebstechnik GmbH", "Grosse Antriebstechnik GmbH", "ß as ss, plain o"),
    ("Schäfer Maschinen AG", "Schaefer Maschinen AG", "ä against ae"),
    ("Björk Design AB", "Bjork Design AB", "ö against o"),
    ("Ærø Fiskeri ApS", "AERO FISKERI APS", "æ ligature and ø"),
    ("Çelik Döküm A.Ş.", "Celik Dokum AS", "Turkish letters and A.Ş."),
    ("Işık Tekstil Ltd. Şti.", "Isik Tekstil Ltd Sti", "dotless ı and ş"),
    ("Łódź Meble Sp. z o.o.", "Lodz Meble Sp. z o.o.", "Polish letters"),
    ("Công ty TNHH Minh Phát", "Minh Phat Co., Ltd.", "Vietnamese legal form in front, diacritics"),
    ("Công ty Cổ phần Hòa Bình", "Hoa Binh Joint Stock Company", "Vietnamese joint-stock form"),
    ("Smith & Sons Ltd", "Smith and Sons Limited", "& spelled out"),
    ("Johnson & Partners LLP", "JOHNSON AND PARTNERS L.L.P.", "& spelled out, dotted form"),
    ("São Paulo Alimentos Ltda.", "Sao Paulo Alimentos LTDA", "tilde, Brazilian form"),
    ("Peña Hermanos S.A. de C.V.", "Pena Hermanos SA de CV", "ñ, Mexican form"),
    ("Ｓｕｍｍｉｔ Ｔｏｏｌｓ ＧｍｂＨ", "Summit Tools GmbH", "full-width Latin"),
    ("PT Maju Jaya Tbk", "PT. MAJU JAYA", "Indonesian PT in front and Tbk"),
    ("PT Maju Jaya Tbk", "Maju Jaya Tbk", "Indonesian PT left out"),
    ("ООО Северный Ветер", "OOO Severnyy Veter", "Cyrillic transliterated"),
    ("Ridong Precision (Suzhou) Company Limited", "Suzhou Ridong Precision Co.,Ltd", "region in parentheses"),
    ("Huatuo Lighting (Shenzhen) Co., Ltd.", "SHENZHEN HUATUO LIGHTING CO.,LTD.", "region in parentheses"),
    ("Haichen Hardware (Ningbo) Company Limited", "Ningbo Haichen Hardware Co.,Ltd", "region in parentheses"),
    (
        "Lion Rubber Industries (M) Sdn. Bhd.",
        "Lion Rubber Industries Sdn Bhd",
        "country letter in parentheses",
    ),
    ("Harbour Foods (Singapore) Pte. Ltd.", "Harbour Foods Pte Ltd", "country in parentheses"),
    ("Delta Logistics (Thailand) Co., Ltd.", "Delta Logistics Co Ltd", "country in parentheses"),
    ("Kowalski Metal Sp. z o.o.", "KOWALSKI METAL SP Z OO", "unpunctuated Polish form"),
    ("Rio Verde Alimentos Ltda.", "Rio Verde Alimentos Limitada", "Ltda spelled out"),
    ("Sierra Plásticos S.A. de C.V.", "Sierra Plasticos, S.A. de C.V.", "accent, comma before the form"),
]
LATIN_DIFFERENT = [
    ("Orion Textiles Pvt. Ltd.", "Orion Chemicals Pvt. Ltd.", "same trade name, other industry"),
    ("Maju Jaya Tbk", "Maju Bersama Tbk", "other trade name, same form"),
    ("Anadolu Makina A.Ş.", "Anadolu Gıda A.Ş.", "same region word, other industry"),
    ("Müller Werkzeugbau GmbH", "Müller Logistik GmbH", "same family name, other industry"),
    ("Schäfer Maschinen AG", "Schäfer Textil AG", "same family name, other industry"),
    ("Kowalski Metal Sp. z o.o.", "Nowak Metal Sp. z o.o.", "another family name"),
    ("Smith & Sons Ltd", "Smith & Partners Ltd", "other partners"),
    ("Minh Phat Co., Ltd.", "Minh Long Co., Ltd.", "other trade name"),
    ("Harbour Foods Pte. Ltd.", "Harbour Logistics Pte. Ltd.", "same trade name, other industry"),
    ("Delta Logistics Co., Ltd.", "Delta Electronics Co., Ltd.", "same trade name, other industry"),
    (
        "Lion Rubber Industries Sdn. Bhd.",
        "Lion Steel Industries Sdn. Bhd.",
        "same trade name, other industry",
    ),
    ("Sierra Plásticos S.A. de C.V.", "Sierra Alimentos S.A. de C.V.", "same first word, other industry"),
    ("Rio Verde Alimentos Ltda.", "Rio Claro Alimentos Ltda.", "another town"),
    ("Atlas Components B.V.", "Atlas Copco B.V.", "same first word"),
    ("Milano Valves S.r.l.", "Milano Pumps S.r.l.", "same city word, other industry"),
    ("Sydney Lighting Pty Ltd", "Toronto Lighting Inc.", "city as trade name kept"),
    ("Uk Trading Ltd", "Ok Trading Ltd", "short words that are also legal forms elsewhere"),
    ("AS Foods Ltd", "AB Foods Ltd", "short words that are also legal forms elsewhere"),
    ("Société Générale Textile SARL", "Société Nouvelle Textile SARL", "other trade name"),
    ("Größe Antriebstechnik GmbH", "Gross Hydraulik GmbH", "other company"),
]


def chinese_pairs():
    same, different = [], []
    for index, ((trade, industry), place) in enumerate(
        zip(TRADES * 3, itertools.cycle(PLACES), strict=False)
    ):
        province, city, county, town = place
        base = f"{trade}{industry}"
        full_province = province + PROVINCE_SUFFIX.get(province, "省")
        saved_city = f"{city}{base}有限公司"
        county_short = county.split("土家族")[0] if "自治" in county else county[:-1]
        prefix = f"{city}市{county}" if county else f"{city}市"
        variants = [
            (saved_city, f"{prefix}{base}有限公司", "district or county after the city"),
            (
                f"{base}（{city}）有限公司",
                f"{full_province}{prefix}{base}有限公司",
                "province, city and county",
            ),
            (f"{base}有限公司", f"{prefix}{town}{base}有限公司", "township (镇/乡/街道) after the region"),
            (
                saved_city,
                f"{city}{county_short}{base}有限公司" if county else f"{city}{town}{base}有限公司",
                "short forms of city and county",
            ),
            (saved_city, f"{base}（{county_short or city}）有限公司", "county short form in parentheses"),
            (f"{prefix}{base}有限公司", f"{base}有限公司{city}分公司", "branch of the city"),
        ]
        if county:
            variants.append((saved_city, f"{county}{base}有限公司", "county with its suffix at the start"))
        same += variants[index % len(variants) :: 3] if index >= len(TRADES) else variants
        other = OTHER_INDUSTRIES[index % len(OTHER_INDUSTRIES)]
        if index < 2 * len(TRADES):
            different.append(
                (saved_city, f"{prefix}{trade}{other}有限公司", "same trade name, another industry")
            )
            neighbour = TRADES[(index + 5) % len(TRADES)][0]
            different.append(
                (
                    f"{prefix}{base}有限公司",
                    f"{prefix}{neighbour}{industry}有限公司",
                    "other trade name, same place",
                )
            )
    return same, different


def traditional_pairs(table):
    pairs = []
    for (trade, industry), place in zip(TRADES, PLACES, strict=False):
        province, city, county, _town = place
        name = f"{city}市{county}{trade}{industry}有限公司"
        hant = "".join(table.get(char, char) for char in name)
        if hant != name:
            pairs.append((f"{city}{trade}{industry}有限公司", hant, "traditional characters"))
        hant_form = "".join(table.get(char, char) for char in f"{trade}{industry}股份有限公司")
        if hant_form != f"{trade}{industry}股份有限公司":
            pairs.append(
                (f"台湾{trade}{industry}股份有限公司", f"臺灣{hant_form}", "traditional 臺灣 and form")
            )
    return pairs


FIXED_CHINESE_DIFFERENT = [
    ("长城汽车配件有限公司", "长城润滑油有限公司", "长城 is a trade name, not a place: other industry"),
    ("长城汽车配件有限公司", "长安汽车配件有限公司", "长城 and 长安 (a district) are trade names here"),
    ("东方电气设备有限公司", "南京电气设备有限公司", "东方 (a county-level city) as trade name is kept"),
    ("朝阳科技有限公司", "南京科技有限公司", "朝阳 (a city) as trade name is kept"),
    ("中山电机有限公司", "大洋电机有限公司", "中山 (a city) as trade name is kept"),
    ("新华书店有限公司", "和平书店有限公司", "two district names as trade names"),
    ("青岛啤酒股份有限公司", "青岛电子有限公司", "place name that is the trade name"),
    ("昆山电子有限公司", "太仓电子有限公司", "county-level cities as trade names"),
    ("吴中商贸有限公司", "吴江商贸有限公司", "district short forms as trade names"),
    ("苏州日东精密电子有限公司", "苏州日东照明有限公司", "same trade name, another industry (seed example)"),
    (
        "苏州日东精密电子有限公司",
        "杭州日东精密机械有限公司",
        "same trade name, another industry (seed example)",
    ),
    ("华强北电子市场有限公司", "华强电子有限公司", "another trade name"),
]
FIXED_CHINESE_SAME = [
    ("苏州日东精密电子有限公司", "日东精密电子（苏州）有限公司", "seed example: region in parentheses"),
    ("苏州日东精密电子有限公司", "苏州日东精密电子中心有限公司", "seed example: 中心 is a form word"),
    ("苏州日东精密电子有限公司", "江苏省苏州市吴中区日东精密电子有限公司", "province, city and district"),
    (
        "苏州日东精密电子有限公司",
        "日东精密电子（城市）有限公司".replace("城市", "吴中"),
        "district in parentheses",
    ),
    ("苏州日东精密电子有限公司", "苏州工业园区日东精密电子有限公司", "development zone after the city"),
    ("苏州日东精密电子有限公司", "日東精密電子（蘇州）有限公司", "traditional characters"),
    ("深圳市华拓照明科技有限公司", "深圳市南山区粤海街道华拓照明科技有限公司", "district and subdistrict"),
    ("中山大洋电机股份有限公司", "大洋电机（中山）有限公司", "中山 the city, in parentheses"),
    ("香港日东贸易有限公司", "日东贸易（香港）有限公司", "Hong Kong"),
    ("澳门日东贸易有限公司", "澳門日東貿易有限公司", "Macau, traditional"),
    ("台北日东精密股份有限公司", "臺北市日東精密股份有限公司", "Taipei, traditional"),
    ("苏州ABC电子有限公司", "ＡＢＣ电子（苏州）有限公司", "full-width Latin in a Chinese name"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--traditional", help="OpenCC STCharacters.txt (simplified -> traditional)")
    args = parser.parse_args()
    table = {}
    if args.traditional:
        for line in pathlib.Path(args.traditional).read_text(encoding="utf-8").splitlines():
            simplified, _tab, traditional = line.partition("\t")
            if traditional:
                table[simplified] = traditional.split()[0]
    same, different = chinese_pairs()
    same += FIXED_CHINESE_SAME + traditional_pairs(table)
    different += FIXED_CHINESE_DIFFERENT
    for index, (trade, (saved, typed, country)) in enumerate(
        zip(itertools.cycle(LATIN_TRADES), LEGAL_VARIANTS * 2, strict=False)
    ):
        if index >= len(LEGAL_VARIANTS):
            trade = LATIN_TRADES[(index + 7) % len(LATIN_TRADES)]
        same.append((f"{trade} {saved}", f"{trade.upper()} {typed}", f"legal form of {country}"))
    same += SPELLINGS
    different += LATIN_DIFFERENT
    seen = set()
    rows = []
    for expected, pairs in (("same", same), ("different", different)):
        for saved, typed, reason in pairs:
            if saved != typed and (saved, typed) not in seen:
                seen.add((saved, typed))
                rows.append((expected, saved, typed, reason))
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Company-name pairs of the duplicate check (issue 21), written by\n"
            "# tools/make_company_name_pairs.py. expected: same (the check must find the saved name\n"
            "# from the typed one) or different (it must not).\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("expected", "saved", "typed", "reason"))
        writer.writerows(rows)
    same_count = sum(row[0] == "same" for row in rows)
    print(f"{len(rows)} pairs: {same_count} same, {len(rows) - same_count} different")


if __name__ == "__main__":
    main()
