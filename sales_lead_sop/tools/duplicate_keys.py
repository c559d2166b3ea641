"""Pure functions that turn what a rep types into the keys the duplicate check (撞单) compares:
the company-name key, E.164 phones, exact emails, company email domains and website domains.

No ORM here: the word lists and free-mail domains come from configuration records and are
passed in, so the same code serves the ORM hooks, the SQL backfill and the tests.
"""

import re
import unicodedata
from urllib.parse import urlsplit

import phonenumbers
from anyascii import anyascii

from odoo.tools.mail import email_normalize_all

from .zh_hant import HANT_TO_HANS

# Administrative suffixes a Chinese region word may carry: 江苏省, 苏州市, 南山区, 昆山县...
ZH_ADMIN_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "镇",
)
# Township-level divisions (镇, 乡, 街道) and zones are too many to list: a run of 2-4 Chinese
# characters ending in one of these words, right after a region word, is one (东莞市长安镇…).
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡", "工业园区", "工业园", "开发区", "园区")
TOWNSHIP_RUN = (2, 4)
# Region levels whose short forms are also common trade names (东方, 新华, 昆山, 长安): they only
# strip after another region word (苏州吴中…) or inside parentheses, or with their suffix (吴中区).
WEAK_REGION_LEVELS = frozenset({"county"})
# Brackets written in names, folded to plain parentheses before anything else.
_BRACKETS = str.maketrans(
    {"【": "(", "】": ")", "[": "(", "]": ")", "{": "(", "}": ")", "〔": "(", "〕": ")"}
)
# Dots and apostrophes join (S.A. -> sa, Co. -> co); every other non-word character separates.
_JOINERS = re.compile(r"[.'’`´]")
_SEPARATORS = re.compile(r"[^\w()]+|_")
_CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_CJK_CHARS}]")
# Letters of other scripts than Latin and Chinese, transliterated (é -> e, ß -> ss, Ж -> zh).
_TRANSLITERATED = re.compile(f"[^\x00-\x7f{_CJK_CHARS}]+")
# German and Nordic vowels written out (Mueller, Schaefer) fold like the plain vowel (Müller).
_WRITTEN_OUT_VOWELS = re.compile(r"(?<=[a-z])([aou])e")
# Units a name is cut into: a word of a spaced script, one Chinese character, or a parenthesis.
_UNITS = re.compile(rf"[^\W_{_CJK_CHARS}]+|[{_CJK_CHARS}]|[()]")
# Region words at the start are kept when fewer 'words' than this would remain (Chinese
# character = 1, Latin word = 2): "Sydney Lighting", 青岛啤酒 and 朝阳科技 keep their place name,
# which is their trade name; "Suzhou Ridong Precision" and 苏州日东精密 lose it.
MIN_NAME_WEIGHT = 3
# Latin legal forms are compared without spaces (Sp. z o. o. = sp z oo = spzoo) over at most
# this many words; only those of at least ANYWHERE_LENGTH letters are removed inside a name
# (GmbH, Limited): shorter ones (AS, Co, Ltd) only strip at its start or end.
LEGAL_FORM_MAX_WORDS = 8
ANYWHERE_LENGTH = 4
# Public suffixes of two labels seen in our customers' domains (ridong.com.cn is the registered
# domain, not com.cn); a full public-suffix list would add a dependency for little gain.
SECOND_LEVEL_SUFFIXES = frozenset(
    """com.cn net.cn org.cn gov.cn edu.cn ac.cn co.uk org.uk ac.uk gov.uk me.uk com.au net.au
    org.au co.jp ne.jp or.jp co.kr or.kr com.hk org.hk com.tw org.tw com.sg com.my co.in net.in
    org.in com.br com.mx com.ar com.co com.tr co.za co.nz co.id com.vn com.ph com.pk com.sa
    com.eg co.th com.ua com.pl co.il com.ng co.ke com.bd com.pe com.ec""".split()
)
# One plain ASCII address (dot-separated atoms on both sides of the @, nothing around it).
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\Z")
# A phone key needs at least this many digits; shorter strings are extensions or typos.
MIN_PHONE_DIGITS = 6


def fold_text(text):
    """Fold width, script, case, brackets and punctuation: full-width ＡＢＣ（蘇州） -> abc(苏州),
    Société Müller & Cie -> societe muller and cie.

    Traditional Chinese characters become simplified ones, other scripts are transliterated
    (anyascii), & is "and". Words end up separated by single spaces; parentheses are kept for
    `NameKeyNormalizer`.
    """
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS).translate(HANT_TO_HANS)
    text = text.casefold().replace("&", " and ")  # casefold: ß -> ss
    if not text.isascii():
        text = _TRANSLITERATED.sub(lambda match: anyascii(match.group()).casefold(), text)
    text = _WRITTEN_OUT_VOWELS.sub(r"\1", _JOINERS.sub("", text))
    return " ".join(_SEPARATORS.sub(" ", text).split())


def name_units(text):
    """Cut folded text into units: Latin words and single Chinese characters, parentheses kept."""
    return _UNITS.findall(text)


def _weight(units):
    return sum(1 if _CJK.match(unit) else 2 for unit in units if unit not in "()")


def _latin(units):
    return all(not _CJK.match(unit) and unit not in "()" for unit in units)


class NameKeyNormalizer:
    """Company-name key (公司名关键字段): the name without region, legal-form and generic words.

    Chinese names follow 行政区划 + 字号 + 行业 + 组织形式, with the region also found in
    parentheses or just before the legal form; Latin names put the city anywhere and the legal
    form at the end (or at the start: PT, AB, Công ty TNHH). The name is cut into units (Latin
    words, Chinese characters) and words are matched as unit sequences, so a Latin word only
    matches whole words and a Chinese word anywhere; Latin legal forms are matched without the
    spaces between their words:

    1. fold width, script, case and punctuation (`fold_text`);
    2. drop parentheses whose content is only region, legal-form or generic words, or a single
       letter (日东精密电子（苏州）有限公司, RIDONG (SUZHOU) CO LTD, Lion (M) Sdn Bhd); keep
       other content;
    3. strip legal-form and region words at the end, repeatedly (…电子中心有限公司, …苏州分公司);
    4. remove generic words and legal-form words (except one-character ones such as 厂, 店, and
       Latin ones shorter than ANYWHERE_LENGTH letters) anywhere;
    5. strip region words and Latin legal forms at the start (江苏省苏州市吴中区…, PT …):
       with an administrative suffix (省, 市, 区...) always, else only while at least
       MIN_NAME_WEIGHT remains; short forms of county-level divisions only after another region
       word; after a region word, also a township (a run of 2-4 characters ending in 镇, 乡,
       街道...);
    6. join the units: the key has no spaces; when nothing is left, the folded name is the key.

    :param words: iterable of (word, kind) or (word, kind, region level) with kind in region,
        legal_form, generic (levels in WEAK_REGION_LEVELS: see there)
    """

    def __init__(self, words):
        strong, weak, suffixed, legal, generic = set(), set(), set(), set(), set()
        latin_legal = {}
        for word, kind, *level in words:
            units = tuple(u for u in name_units(fold_text(word)) if u not in "()")
            if not units:
                continue
            if kind == "region":
                is_weak = bool(level) and level[0] in WEAK_REGION_LEVELS
                if _CJK.match(units[-1]) and "".join(units).endswith(ZH_ADMIN_SUFFIXES):
                    suffixed.add(units)  # a full name (长阳土家族自治县) strips like a suffixed one
                (weak if is_weak else strong).add(units)
                if _CJK.match(units[-1]) and not "".join(units).endswith(ZH_ADMIN_SUFFIXES):
                    suffixed.update(units + tuple(suffix) for suffix in ZH_ADMIN_SUFFIXES)
            elif kind == "legal_form":
                if _latin(units):
                    latin_legal["".join(units)] = len(units)
                else:
                    legal.add(units)
            elif kind == "generic":
                generic.add(units)
        self._strong = strong
        self._after_region = strong | weak
        self._suffixed = suffixed
        self._latin_legal = latin_legal
        self._latin_anywhere = {joined for joined in latin_legal if len(joined) >= ANYWHERE_LENGTH}
        self._end = legal | strong | suffixed
        self._anywhere = generic | {units for units in legal if len(units) > 1}
        self._every = self._end | generic | weak
        self._max_end = max([len(units) for units in self._end] + list(latin_legal.values()) + [0])
        self._max = max((len(units) for units in self._every), default=0)
        # Every beginning of the words of each set (unit tuples), of a Latin legal form (joined
        # text), and every ending of the words stripped at the end: matching stops at the first
        # unit no word continues with, as a trie would (the gazetteer has 4,000 words).
        self._prefixes = {
            id(words): {units[:size] for units in words for size in range(1, len(units) + 1)}
            for words in (self._strong, self._after_region, self._suffixed, self._anywhere, self._every)
        }
        self._legal_prefixes = {joined[:size] for joined in latin_legal for size in range(1, len(joined) + 1)}
        self._end_suffixes = {units[-size:] for units in self._end for size in range(1, len(units) + 1)}
        self._legal_suffixes = {
            joined[-size:] for joined in latin_legal for size in range(1, len(joined) + 1)
        }

    def _match_at(self, units, index, words):
        """Length of the longest word of `words` starting at `index`, 0 if none."""
        best, prefixes = 0, self._prefixes[id(words)]
        for size in range(1, min(self._max, len(units) - index) + 1):
            window = tuple(units[index : index + size])
            if window not in prefixes:
                break
            if window in words:
                best = size
        return best

    def _legal_at(self, units, index, forms):
        """Number of units of the longest Latin legal form of `forms` starting at `index`, 0 if none."""
        best, joined = 0, ""
        for size in range(1, min(LEGAL_FORM_MAX_WORDS, len(units) - index) + 1):
            unit = units[index + size - 1]
            if unit in "()" or _CJK.match(unit):
                break
            joined += unit
            if joined not in self._legal_prefixes:
                break
            if joined in forms:
                best = size
        return best

    def _word_at(self, units, index, words, legal_forms):
        return max(self._match_at(units, index, words), self._legal_at(units, index, legal_forms))

    def _only_words(self, units):
        if len(units) == 1 and len(units[0]) == 1 and not _CJK.match(units[0]):
            return True  # (M), (R): a country letter or a mark
        index = 0
        while index < len(units):
            size = self._word_at(units, index, self._every, self._latin_legal)
            if not size:
                return False
            index += size
        return True

    def _drop_parentheses(self, units):
        result, group = [], None
        for unit in units:
            if unit == "(":
                if group:
                    result += group
                group = []
            elif unit == ")":
                if group and not self._only_words(group):
                    result += group
                group = None
            elif group is not None:
                group.append(unit)
            else:
                result.append(unit)
        return result + (group or [])

    def _strip_end(self, units):
        while units:
            size = max(self._end_at(units), self._legal_end_at(units))
            if not size:
                break
            units = units[:-size]
        return units

    def _end_at(self, units):
        """Length of the longest word stripped at the end that ends `units`, 0 if none."""
        best = 0
        for size in range(1, min(self._max_end, len(units)) + 1):
            tail = tuple(units[-size:])
            if tail not in self._end_suffixes:
                break
            if tail in self._end:
                best = size
        return best

    def _legal_end_at(self, units):
        """Number of units of the longest Latin legal form that ends `units`, 0 if none."""
        best, joined = 0, ""
        for size in range(1, min(self._max_end, len(units)) + 1):
            unit = units[-size]
            if unit in "()" or _CJK.match(unit):
                break
            joined = unit + joined
            if joined not in self._legal_suffixes:
                break
            if joined in self._latin_legal:
                best = size
        return best

    def _remove_anywhere(self, units):
        result, index = [], 0
        while index < len(units):
            size = self._word_at(units, index, self._anywhere, self._latin_anywhere)
            if size:
                index += size
            else:
                result.append(units[index])
                index += 1
        return result

    def _township_at_start(self, units, region_size):
        """Length of a township (长安镇, 粤海街道) at the start of `units`, 0 if none; when a
        region word of `region_size` units starts there, only that word as the township's name
        (红旗街道; not 宝安区西 + 乡 of 宝安区西乡街道)."""
        low, high = TOWNSHIP_RUN
        for run in range(low, high + 1):
            if not all(_CJK.match(unit) for unit in units[:run]):
                break
            rest = "".join(units[run : run + 4])
            suffix = next((suffix for suffix in TOWNSHIP_SUFFIXES if rest.startswith(suffix)), None)
            if suffix:
                return run + len(suffix) if region_size in (0, run) else 0
        return 0

    def _strip_start(self, units):
        after_region = False
        while units:
            size = self._match_at(units, 0, self._suffixed)
            if after_region:
                # 西乡街道, 红旗街道: a township named like a county (西乡县, 红旗区)
                size = max(size, self._township_at_start(units, size))
            if not size:
                plain = self._after_region if after_region else self._strong
                size = self._word_at(units, 0, plain, self._latin_legal)
                if not size or _weight(units[size:]) < MIN_NAME_WEIGHT:
                    break
            region = size != self._legal_at(units, 0, self._latin_legal)
            units = units[size:]
            after_region = after_region or region
        return units

    def key(self, name):
        """The normalised key of company name `name` ('' when the name is empty)."""
        units = name_units(fold_text(name))
        if not units:
            return ""
        kept = self._drop_parentheses(units)
        kept = self._strip_end(kept)
        kept = self._remove_anywhere(kept)
        kept = self._strip_start(kept)
        return "".join(kept) or "".join(u for u in units if u not in "()")


def normalize_phone(number, country_code=None):
    """E.164 form of `number` (+8651266668888), read in the national format of `country_code`
    (ISO code, e.g. 'CN') when it has no + prefix; False when it holds too few digits.

    Numbers phonenumbers cannot parse keep their digits, so they still match themselves.
    """
    if not number:
        return False
    digits = re.sub(r"\D", "", number)
    if len(digits) < MIN_PHONE_DIGITS:
        return False
    try:
        parsed = phonenumbers.parse(number, (country_code or "").upper() or None)
    except phonenumbers.NumberParseException:
        return ("+" + digits) if number.strip().startswith(("+", "00")) else digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalize_emails(text):
    """Lower-cased addresses found in `text` (an email field may hold several)."""
    if text and _PLAIN_EMAIL.match(text):
        # Odoo's parser gives the same for a lone plain ASCII address, 20 times slower (a key
        # backfill reads two million addresses).
        return [text.lower()]
    return [email for email in email_normalize_all(text or "") if email]


def registered_domain(host):
    """Registered domain of a host name: shop.ridong.com.cn -> ridong.com.cn, www.acme.de -> acme.de."""
    host = (host or "").strip().strip(".").lower()
    if not host or "." not in host:
        return False
    labels = host.split(".")
    size = 3 if ".".join(labels[-2:]) in SECOND_LEVEL_SUFFIXES and len(labels) >= 3 else 2
    return ".".join(labels[-size:])


def email_domain(email):
    """Registered domain of an email address (sales@mail.ridong.com -> ridong.com)."""
    return registered_domain(email.rpartition("@")[2]) if email and "@" in email else False


def website_domain(url):
    """Registered domain of a website: scheme, www., port and path stripped."""
    url = (url or "").strip()
    if not url:
        return False
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return False
    return registered_domain(host)
