#!/usr/bin/env python3
"""Derive data/countries.tsv from the shared gazetteers plus curated rows.

Reads (read-only, never copied into the repo):
  ../shared/gazetteers/countries_ar_merged.tsv        (mledoze, CLDR, iso-codes)
  ../shared/gazetteers/arabic_english_nationalities.json  (ISC)
Emits data/countries.tsv with header: iso3 kind arabic source

Rows taken from the gazetteer get source `geonames-countries`; rows listed in
CURATED below (own knowledge: short forms, spelling variants, capitals and
seat-of-government metonyms, demonyms, irregular demonym forms) get `curated`.

The gazetteer is noisy, so the script
  * strips diacritics/tatweel and drops non-Arabic values (e.g. "Türkiye");
  * splits "X (Y)" and iso-codes' "X، Y" forms, drops political glosses;
  * fixes known typos (FIX) and drops values known to be wrong (DROP);
  * routes "جمهورية ..."-style values to kind `official`, and names that are
    also common words (HOMOGRAPHS: مالي، بنين) to kind `homograph`;
  * resolves strings claimed by several countries (OWNER), dropping the rest;
  * de-duplicates with the same folding the program applies (hamza/alef,
    ى/ي, ة/ه, diacritics), keeping the first (gazetteer) spelling.

Usage: python3 scripts/derive_countries.py [--shared DIR] [--out FILE]
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

DIACRITICS = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]')
ARABIC_ONLY = re.compile(r'^[\u0600-\u06FF ]+$')

# iso3 rewrites: the gazetteer uses mledoze's "UNK" for Kosovo.
ISO_REWRITE = {'UNK': 'XKX'}

# exact-value typo fixes (after diacritic stripping)
FIX = {
    'جمهورية أففانستان الإسلامية': 'جمهورية أفغانستان الإسلامية',
    'المسكيك': 'المكسيك',
    'صيربيا': 'صربيا',
    'جمهورية صيربيا': 'جمهورية صربيا',
    'صربية': 'صربيا',
    'جمهورية صربية': 'جمهورية صربيا',
    'مولدوڤا': 'مولدوفا',
    'جمهورية مولدوڤا': 'جمهورية مولدوفا',
    'جمهورية الفرنسية': 'الجمهورية الفرنسية',
    'الجمهورية الهلنستية': 'الجمهورية الهيلينية',
    'جمهورية أنغولا': 'أنغولا',
    'الإتحاد القمري': 'الاتحاد القمري',
    'إتحاد جزر القمر': 'اتحاد جزر القمر',
    'لثوانيا': 'ليتوانيا',
    'جمهورية لثوانيا': 'جمهورية ليتوانيا',
}

# names that are also common words: مالي "financial" (دعم مالي), بنين "sons"
# (مدرسة بنين); kind `homograph`
HOMOGRAPHS = {'مالي', 'بنين'}

# values to drop entirely (ambiguous, political glosses, or wrong)
DROP_VALUES = {
    'تايوان، محافظة صينية', 'جمهورية الصين',
    'الكونغو',          # COD vs COG: curated rows disambiguate instead
    'أنتارتيكا',
    'عمان',             # bare form is mostly Amman (JOR) in the corpus; see CURATED 'المقعد المقدس',
}

# demonym fixes/drops per iso3: value None drops the gazetteer demonym
DEMONYM_FIX = {
    'AFG': 'أفغاني', 'AGO': 'أنغولي', 'BLR': 'بيلاروسي', 'BDI': 'بوروندي',
    'CAF': None, 'ZAF': None, 'HRV': 'كرواتي', 'ERI': 'إريتري',
    'ETH': 'إثيوبي', 'GEO': 'جورجي', 'IDN': 'إندونيسي', 'LTU': 'ليتواني',
    'MRT': 'موريتاني', 'TZA': 'تنزاني', 'SVN': 'سلوفيني', 'SVK': 'سلوفاكي',
    'POL': 'بولندي', 'PER': 'بيروفي', 'PRY': 'باراغواياني', 'UZB': 'أوزبكي',
    'KGZ': 'قيرغيزي', 'KAZ': 'كازاخستاني', 'TJK': 'طاجيكي', 'ZMB': 'زامبي',
    'MDA': 'مولدوفي', 'MCO': 'موناكي', 'LVA': 'لاتفي', 'LSO': 'ليسوتي',
    'FSM': 'ميكرونيزي', 'PYF': 'بولينيزي', 'NER': 'نيجري', 'RWA': 'رواندي',
    'SSD': None, 'MLI': None,      # مالي = "financial"; مالية = finance
    'COM': None,                   # قمري = "lunar"
    'ESH': None,                   # صحراوي/صحراوية = "desert"
    'PRK': None, 'KOR': None,      # bare كوري is ambiguous; curated forms
    'ASM': None, 'UMI': None, 'VIR': None,   # أمريكي belongs to USA
    'GNQ': None, 'GNB': None,      # غيني belongs to GIN
    'DOM': 'دومينيكاني', 'SMR': 'سانماريني', 'MNP': None,
    'CIV': 'إيفواري', 'NRU': 'ناوروي', 'NIU': None, 'PRI': 'بورتوريكي',
    'ABW': 'أروبي', 'LCA': None, 'TGO': 'توغولي', 'MNE': 'مونتينيغري',
    'CPV': None, 'KNA': None, 'BIH': 'بوسني', 'TKM': 'تركمانستاني',
    'COD': 'كونغولي', 'COG': 'كونغي', 'XKX': 'كوسوفي', 'URY': 'أوروغوائي',
    'SGS': None, 'STP': None, 'TTO': None, 'VCT': None, 'GUF': None,
    'IMN': None, 'PNG': None, 'ATF': None, 'IOT': None, 'HMD': None, 'SJM': None, 'CXR': None,
    'CCK': None, 'COK': None, 'FRO': None, 'SLB': None, 'TCA': None,
    'GLP': None, 'GIB': None, 'BLM': None, 'MAF': None, 'SXM': None,
    'SHN': None, 'NLD': 'هولندي', 'GUM': 'غوامي', 'JAM': 'جامايكي',
    'BHS': 'باهامي', 'ATG': 'أنتيغوي', 'ISL': 'آيسلندي',
}

# strings several countries claim -> the one owner (others are dropped)
OWNER = {
    'روسي': 'RUS', 'أمريكي': 'USA', 'غيني': 'GIN', 'دومينيكي': 'DMA',
    'نيجيري': 'NGA', 'هولندي': 'NLD',
}

OFFICIAL_PREFIX = re.compile(
    r'^(جمهورية|الجمهورية|مملكة|دولة|إمارة|سلطنة|اتحاد|كومنولث|'
    r'كومونولث|دوقية|ولايات|إقليم|منطقة|التجمع)\b')


def clean(s):
    s = DIACRITICS.sub('', s or '')
    s = s.replace('\u200f', '').replace('\u200e', '')
    s = re.sub(r'\s+-\s+|-', ' ', s)   # "الكونغو - كينشاسا", "تيمور-ليستي"
    s = re.sub(r'\s+', ' ', s).strip()
    s = re.sub(r'\bو (?=\S)', 'و', s)   # iso-codes write "و الهرسك"
    return FIX.get(s, s)


def fold(s):
    """Approximate the program's normaliser, for de-duplication only."""
    s = DIACRITICS.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s)
    s = s.replace('ى', 'ي').replace('ة', 'ه')
    return re.sub(r'\s+', ' ', s).strip()


def split_value(v):
    """Yield usable Arabic strings from one gazetteer cell."""
    v = clean(v)
    if not v or v in DROP_VALUES:
        return
    m = re.match(r'^(.*?)\s*\((.*?)\)\s*$', v)
    if m:
        outer, inner = m.group(1).strip(), m.group(2).strip()
        # keep the parenthesised part only when it is another name
        # ("المجر (هنغاريا)", "ميانمار (بورما)"), not a gloss
        parts = [outer]
        if len(inner.split()) == 1 and ARABIC_ONLY.match(inner) \
                and inner not in ('تايوان', 'كيلينغ', 'مالفيناس'):
            parts.append(inner)
    elif '،' in v:
        head, tail = [p.strip() for p in v.split('،', 1)]
        if v in DROP_VALUES:
            return
        parts = [tail]          # "إيران، الجمهورية الإسلامية الإيرانية"
    else:
        parts = [v]
    for p in parts:
        p = FIX.get(clean(p), clean(p))
        if p and p not in DROP_VALUES and ARABIC_ONLY.match(p) and len(p) > 2:
            yield p


def gazetteer_rows(shared):
    rows = []
    path = os.path.join(shared, 'gazetteers', 'countries_ar_merged.tsv')
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        col = {h: i for i, h in enumerate(header)}
        cca2_to_iso3 = {}
        for line in f:
            c = line.rstrip('\n').split('\t')
            c += [''] * (len(header) - len(c))
            iso3 = ISO_REWRITE.get(c[col['cca3']], c[col['cca3']])
            cca2_to_iso3[c[col['cca2']]] = iso3
            for name in ('ar_common_mledoze', 'ar_umpirsky_cldr', 'ar_iso_codes'):
                for v in split_value(c[col[name]]):
                    kind = 'official' if OFFICIAL_PREFIX.match(v) else 'name'
                    rows.append((iso3, kind, v, 'geonames-countries'))
            for name in ('ar_official_mledoze', 'ar_iso_codes_official'):
                for v in split_value(c[col[name]]):
                    rows.append((iso3, 'official', v, 'geonames-countries'))
            rows.extend(demonym_rows(iso3, c[col['nationality_ar_masc']]))
    # ISC nationalities list (keyed by ISO-2)
    path = os.path.join(shared, 'gazetteers', 'arabic_english_nationalities.json')
    with open(path, encoding='utf-8') as f:
        for rec in json.load(f):
            iso3 = cca2_to_iso3.get(rec.get('code', '').strip())
            if iso3:
                rows.extend(demonym_rows(iso3, rec.get('natianality_ar', '')))
    return rows


def demonym_rows(iso3, value):
    if iso3 in DEMONYM_FIX:
        fixed = DEMONYM_FIX[iso3]
        if not fixed:
            return []
        src = 'geonames-countries' if fold(fixed) == fold(clean(value)) else 'curated'
        return [(iso3, 'demonym', fixed, src)]
    v = clean(value)
    if not v or not ARABIC_ONLY.match(v) or ' ' in v or v.startswith('ال'):
        return []
    if not v.endswith('ي'):
        return []
    return [(iso3, 'demonym', v, 'geonames-countries')]


# ---------------------------------------------------------------------------
# Curated rows: "ISO3 kind arabic" one per line.
CURATED = """
# --- short forms and spelling variants of names ---
USA name أمريكا
USA name أميركا
USA name الولايات المتحدة الأميركية
GBR name بريطانيا
GBR name بريطانيا العظمى
GBR name إنجلترا
GBR name انكلترا
GBR official المملكة المتحدة لبريطانيا العظمى وإيرلندا الشمالية
SAU name المملكة السعودية
SAU name المملكة
ARE name دولة الإمارات
ARE name الإمارات العربية
KWT name دولة الكويت
QAT name دولة قطر
BHR name مملكة البحرين
OMN name سلطنة عمان
OMN name السلطنة
JOR name المملكة الأردنية
JOR name المملكة الأردنية الهاشمية
SYR name سورية
SYR name الجمهورية السورية
EGY name جمهورية مصر
EGY name مصر العربية
LBN name الجمهورية اللبنانية
YEM name الجمهورية اليمنية
IRQ name بلاد الرافدين
LBY name الجماهيرية الليبية
LBY name الجماهيرية
TUN name الجمهورية التونسية
DZA name الجمهورية الجزائرية
MAR name المملكة المغربية
MRT name موريتانية
MRT name الجمهورية الإسلامية الموريتانية
SDN name جمهورية السودان
SSD name دولة جنوب السودان
SOM name الصومال الفيدرالية
DJI name جمهورية جيبوتي
PSE name الأراضي الفلسطينية
PSE name الأراضي الفلسطينية المحتلة
PSE name السلطة الفلسطينية
PSE name السلطة الوطنية الفلسطينية
ISR name دولة الاحتلال
ISR name الكيان الصهيوني
ISR name الكيان الإسرائيلي
ISR name إسرائيل
IRN name الجمهورية الإسلامية
IRN name الجمهورية الإسلامية الإيرانية
TUR name تركية
TUR name تركيا
TUR name الجمهورية التركية
RUS name الاتحاد الروسي
RUS name روسيا الاتحادية
RUS name الاتحاد السوفيتي
RUS name الاتحاد السوفياتي
DEU name ألمانيا الاتحادية
FRA name الجمهورية الفرنسية
CHN name الصين الشعبية
IND name جمهورية الهند
PAK name جمهورية باكستان
AFG name إمارة أفغانستان الإسلامية
AFG name الإمارة الإسلامية
ARM name جمهورية أرمينيا
ARM name أرمينية
ARM name أرمينيا
AZE name أذربيجان
AZE name أذربيجان الجمهورية
AZE name ناخيتشيفان
AZE name ناخشيفان
AZE name ناغورنو كاراباخ
AZE name ناغورني قره باغ
AZE name ناغورني قرة باغ
AZE name قره باغ
AZE name كاراباخ
GEO name جورجيا
GEO name جيورجيا
UKR name أوكرانيا
UKR name اوكرانيا
BLR name روسيا البيضاء
BLR name بيلاروس
BLR name بيلاروسيا
MDA name مولدافيا
KAZ name قازاقستان
KAZ name كازخستان
KGZ name قرغيزستان
KGZ name قيرغيزيا
UZB name أوزبكستان
TJK name طاجكستان
TKM name تركمنستان
KOR name كوريا الجنوبية
KOR name جمهورية كوريا
PRK name كوريا الشمالية
PRK name كوريا الديمقراطية
PRK name جمهورية كوريا الديمقراطية الشعبية
COD name الكونغو الديمقراطية
COD name جمهورية الكونغو الديمقراطية
COD name الكونغو كينشاسا
COG name الكونغو برازافيل
CAF name أفريقيا الوسطى
CAF name إفريقيا الوسطى
CAF name جمهورية إفريقيا الوسطى
ZAF name جنوب إفريقيا
CIV name كوت ديفوار
CIV name ساحل العاج
ETH name أثيوبيا
ETH name إثيوبيا
ERI name أريتريا
NGA name نيجيريا
NER name النيجر
TCD name تشاد
MLI name مالي
BFA name بوركينا فاسو
BFA name بوركينافاسو
SEN name السنغال
GMB name جامبيا
GIN name غينيا كوناكري
GNB name غينيا بيساو
CMR name الكاميرون
KEN name كينيا
UGA name أوغندا
TZA name تنزانيا
RWA name رواندا
BDI name بوروندي
MOZ name موزمبيق
MOZ name موزامبيق
ZWE name زمبابوي
MWI name ملاوي
MDG name مدغشقر
GRC name اليونان
GRC name يونان
CYP name قبرص
CYP name جمهورية قبرص
ITA name إيطاليا
ESP name إسبانيا
ESP name أسبانيا
PRT name البرتغال
NLD name هولندا
NLD name مملكة هولندا
NLD name الأراضي المنخفضة
BEL name بلجيكا
LUX name لوكسمبورج
CHE name سويسرا
AUT name النمسا
SWE name السويد
NOR name النرويج
DNK name الدنمارك
DNK name الدانمارك
FIN name فنلندا
FIN name فنلنده
POL name بولندا
POL name بولونيا
CZE name التشيك
CZE name جمهورية التشيك
CZE name تشيكيا
SVK name سلوفاكيا
HUN name المجر
HUN name هنغاريا
ROU name رومانيا
BGR name بلغاريا
SRB name صربيا
HRV name كرواتيا
BIH name البوسنة
BIH name البوسنة والهرسك
ALB name ألبانيا
MKD name مقدونيا
MKD name مقدونيا الشمالية
MNE name الجبل الأسود
MNE name مونتينيغرو
XKX name كوسوفا
XKX name كوسوفو
IRL name إيرلندا
IRL name ايرلندا
ISL name أيسلندا
JPN name اليابان
CHN name الصين
TWN name تايوان
VNM name فيتنام
THA name تايلاند
THA name تايلند
MMR name ميانمار
MMR name بورما
MYS name ماليزيا
IDN name إندونيسيا
IDN name أندونيسيا
PHL name الفلبين
PHL name الفيليبين
BGD name بنغلاديش
BGD name بنغلادش
LKA name سريلانكا
LKA name سيريلانكا
NPL name نيبال
CAN name كندا
MEX name المكسيك
BRA name البرازيل
ARG name الأرجنتين
VEN name فنزويلا
COL name كولومبيا
CHL name تشيلي
CHL name شيلي
PER name البيرو
PER name بيرو
BOL name بوليفيا
CUB name كوبا
ECU name الإكوادور
URY name الأوروغواي
URY name أوروغواي
PRY name باراغواي
NIC name نيكاراغوا
AUS name أستراليا
AUS name استراليا
NZL name نيوزيلندا
NZL name نيوزيلاندا
VAT name الفاتيكان
VAT name الكرسي الرسولي
ESH name الصحراء الغربية
# --- capitals (metonyms); ambiguous ones deliberately left out ---
JOR capital عمان
USA capital واشنطن
RUS capital موسكو
GBR capital لندن
FRA capital باريس
DEU capital برلين
CHN capital بكين
CHN capital بيجين
JPN capital طوكيو
IRN capital طهران
TUR capital أنقرة
TUR capital انقرة
SAU capital الرياض
ARE capital أبوظبي
ARE capital أبو ظبي
QAT capital الدوحة
BHR capital المنامة
OMN capital مسقط
YEM capital صنعاء
IRQ capital بغداد
SYR capital دمشق
LBN capital بيروت
EGY capital القاهرة
SDN capital الخرطوم
SSD capital جوبا
LBY capital طرابلس
MAR capital الرباط
MRT capital نواكشوط
SOM capital مقديشو
SOM capital مقديشيو
ERI capital أسمرة
ERI capital أسمرا
ETH capital أديس أبابا
KEN capital نيروبي
UGA capital كمبالا
RWA capital كيغالي
CAF capital بانغي
TCD capital نجامينا
TCD capital انجامينا
NER capital نيامي
MLI capital باماكو
BFA capital واغادوغو
NGA capital أبوجا
SEN capital داكار
GHA capital أكرا
COD capital كينشاسا
COG capital برازافيل
AGO capital لواندا
ZAF capital بريتوريا
ZWE capital هراري
ZMB capital لوساكا
MOZ capital مابوتو
ITA capital روما
ESP capital مدريد
PRT capital لشبونة
GRC capital أثينا
CYP capital نيقوسيا
BEL capital بروكسل
NLD capital أمستردام
CHE capital برن
AUT capital فيينا
SWE capital ستوكهولم
NOR capital أوسلو
DNK capital كوبنهاغن
DNK capital كوبنهاجن
FIN capital هلسنكي
POL capital وارسو
CZE capital براغ
HUN capital بودابست
ROU capital بوخارست
SRB capital بلغراد
HRV capital زغرب
BIH capital سراييفو
ALB capital تيرانا
MKD capital سكوبيي
UKR capital كييف
UKR capital كييڤ
BLR capital مينسك
MDA capital كيشيناو
LTU capital فيلنيوس
LVA capital ريغا
EST capital تالين
IRL capital دبلن
GEO capital تبليسي
ARM capital يريفان
ARM capital يرفان
AZE capital باكو
KAZ capital أستانا
KAZ capital نور سلطان
UZB capital طشقند
KGZ capital بيشكيك
TJK capital دوشنبه
TKM capital عشق آباد
AFG capital كابول
PAK capital إسلام آباد
PAK capital إسلام أباد
IND capital نيودلهي
IND capital نيو دلهي
BGD capital دكا
LKA capital كولومبو
NPL capital كاتماندو
KOR capital سول
KOR capital سيول
PRK capital بيونغ يانغ
PRK capital بيونغيانغ
VNM capital هانوي
THA capital بانكوك
IDN capital جاكرتا
MYS capital كوالالمبور
MYS capital كوالا لمبور
PHL capital مانيلا
MMR capital نايبيداو
AUS capital كانبيرا
AUS capital كانبرا
CAN capital أوتاوا
BRA capital برازيليا
ARG capital بوينس آيرس
VEN capital كراكاس
COL capital بوغوتا
PER capital ليما
CUB capital هافانا
ECU capital كيتو
ISR capital تل أبيب
PSE capital رام الله
# --- seat-of-government metonyms ---
USA capital البيت الأبيض
USA capital البنتاغون
USA capital البنتاجون
RUS capital الكرملين
FRA capital الإليزيه
FRA capital قصر الإليزيه
GBR capital داونينغ ستريت
GBR capital داوننغ ستريت
LBN capital قصر بعبدا
TUN capital قصر قرطاج
DZA capital قصر المرادية
EGY capital قصر الاتحادية
# --- demonyms (masculine singular) and variants ---
USA demonym أميركي
USA demonym أمريكي
AZE demonym أذري
AZE demonym أذربيجاني
ARM demonym أرميني
ARM demonym أرمني
IRN demonym إيراني
AFG demonym أفغاني
AFG demonym أفغانستاني
RUS demonym روسي
GBR demonym بريطاني
GBR demonym إنجليزي
GBR demonym إنكليزي
FRA demonym فرنسي
DEU demonym ألماني
ITA demonym إيطالي
ESP demonym إسباني
SYR demonym سوري
YEM demonym يمني
TUR demonym تركي
ISR demonym إسرائيلي
PSE demonym فلسطيني
SAU demonym سعودي
ARE demonym إماراتي
EGY demonym مصري
IRQ demonym عراقي
LBN demonym لبناني
JOR demonym أردني
KWT demonym كويتي
QAT demonym قطري
BHR demonym بحريني
OMN demonym عماني
LBY demonym ليبي
TUN demonym تونسي
DZA demonym جزائري
MAR demonym مغربي
MRT demonym موريتاني
SDN demonym سوداني
SOM demonym صومالي
DJI demonym جيبوتي
ETH demonym إثيوبي
ETH demonym أثيوبي
ERI demonym إريتري
KEN demonym كيني
NGA demonym نيجيري
NER demonym نيجري
TCD demonym تشادي
CHN demonym صيني
JPN demonym ياباني
IND demonym هندي
PAK demonym باكستاني
UKR demonym أوكراني
GEO demonym جورجي
KAZ demonym كازاخي
KAZ demonym كازاخستاني
UZB demonym أوزبكي
UZB demonym أوزبكستاني
KGZ demonym قرغيزي
TJK demonym طاجيكي
GRC demonym يوناني
CYP demonym قبرصي
NLD demonym هولندي
BEL demonym بلجيكي
SWE demonym سويدي
CAN demonym كندي
BRA demonym برازيلي
VEN demonym فنزويلي
HUN demonym هنغاري
HUN demonym مجري
DNK demonym دانماركي
DNK demonym دنماركي
THA demonym تايلاندي
CHL demonym تشيلي
CHL demonym شيلي
BFA demonym بوركينابي
BIH demonym بوسني
CZE demonym تشيكي
MMR demonym بورمي
PHL demonym فلبيني
PHL demonym فليبيني
IDN demonym إندونيسي
IDN demonym أندونيسي
BGD demonym بنغالي
NZL demonym نيوزيلندي
AUS demonym أسترالي
ZAF demonym جنوب أفريقي
ZAF demonym جنوب إفريقي
# --- irregular / multiword demonym forms (not derivable by ة/ون/ين/ال) ---
TUR demonym_form الأتراك
TUR demonym_form أتراك
RUS demonym_form الروس
RUS demonym_form روس
AFG demonym_form الأفغان
AFG demonym_form أفغان
ARM demonym_form الأرمن
ARM demonym_form أرمن
AZE demonym_form الأذريون
GBR demonym_form الإنجليز
GBR demonym_form الإنكليز
GBR demonym_form الإنقليز
DEU demonym_form الألمان
DEU demonym_form ألمان
GRC demonym_form اليونانيون
GRC demonym_form الإغريق
CHN demonym_form الصينيون
KOR demonym_form كوري جنوبي
KOR demonym_form الكوري الجنوبي
KOR demonym_form كورية جنوبية
KOR demonym_form الكورية الجنوبية
KOR demonym_form الكوريون الجنوبيون
KOR demonym_form الكوريين الجنوبيين
KOR demonym_form كوريين جنوبيين
PRK demonym_form كوري شمالي
PRK demonym_form الكوري الشمالي
PRK demonym_form كورية شمالية
PRK demonym_form الكورية الشمالية
PRK demonym_form الكوريون الشماليون
PRK demonym_form الكوريين الشماليين
PRK demonym_form كوريين شماليين
ZAF demonym_form الجنوب أفريقي
ZAF demonym_form الجنوب أفريقية
ZAF demonym_form جنوب الأفريقي
ZAF demonym_form جنوب الأفريقية
ZAF demonym_form الجنوب الأفريقي
ZAF demonym_form الجنوب الأفريقية
SSD demonym_form جنوب سوداني
SSD demonym_form جنوب سودانية
SSD demonym_form الجنوب سوداني
SSD demonym_form الجنوب سودانية
SSD demonym_form جنوب السوداني
SSD demonym_form جنوب السودانية
MLI name دولة مالي
MLI name شمال مالي
MLI name جمهورية مالي
USA demonym_form الأمريكان
USA demonym_form الأميركان
USA demonym_form أمريكان
GBR demonym_form البريطانيون
IRN demonym_form الإيرانيون
ISR demonym_form الإسرائيليون
"""
# (rows above that equal gazetteer rows are dropped by the de-duplication)


def curated_rows():
    for line in CURATED.splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        iso3, kind, arabic = line.split(' ', 2)
        yield iso3, kind, arabic


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(REPO), 'shared'))
    ap.add_argument('--out', default=os.path.join(REPO, 'data', 'countries.tsv'))
    a = ap.parse_args()
    if not os.path.isdir(a.shared):
        sys.exit('shared data not found at %s' % a.shared)

    rows = list(gazetteer_rows(a.shared))
    rows += [(i, k, v, 'curated') for i, k, v in curated_rows()]

    # resolve strings claimed by several countries
    owners = {}
    for iso3, kind, v, src in rows:
        owners.setdefault(fold(v), set()).add(iso3)
    out, seen, dropped = [], set(), []
    for iso3, kind, v, src in rows:
        key = fold(v)
        claim = owners[key]
        if len(claim) > 1:
            if OWNER.get(v) and OWNER[v] != iso3:
                continue
            if not OWNER.get(v):
                dropped.append((v, sorted(claim)))
                continue
        # demonyms are checked against demonyms; a demonym that equals a name
        # of the same country (جيبوتي، هايتي) is still useful, so keep it.
        dkey = (iso3, 'demonym' if kind == 'demonym' else 'nondem', key)
        if dkey in seen:
            continue
        seen.add(dkey)
        out.append((iso3, kind, v, src))

    # a name that is also a common word is written as kind `homograph`: the
    # actor coder believes it only where a word announces a state (actors.c)
    out = [(i, 'homograph' if k == 'name' and v in HOMOGRAPHS else k, v, s) for i, k, v, s in out]

    # capital equal to a name of the same country adds nothing
    names = {(i, fold(v)) for i, k, v, s in out if k in ('name', 'official')}
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write('iso3\tkind\tarabic\tsource\n')
        f.write('# generated by scripts/derive_countries.py; edit CURATED there\n')
        f.write('# ambiguous with common words, check context: مالي (MLI; also "financial"),\n'
                '# عمان (JOR capital Amman; Oman only as سلطنة عمان/عماني), بنين (BEN; "sons"),\n'
                '# المملكة (SAU), السلطنة (OMN), الجمهورية الإسلامية (IRN), طرابلس (LBY; also Lebanon),\n'
                '# بروكسل (BEL; often the EU), صنعاء (YEM; often the Houthis), هندي (IND; المحيط الهندي)\n')
        order = {'name': 0, 'homograph': 0, 'official': 1, 'capital': 2, 'demonym': 3, 'demonym_form': 4}
        out.sort(key=lambda r: (r[0], order[r[1]], r[3] != 'geonames-countries'))
        for r in out:
            f.write('\t'.join(r) + '\n')
    for v, c in sorted(set((v, tuple(c)) for v, c in dropped)):
        print('dropped ambiguous %s %s' % (v, ','.join(c)), file=sys.stderr)
    print('%d rows -> %s' % (len(out), a.out), file=sys.stderr)


if __name__ == '__main__':
    main()
