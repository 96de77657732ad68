"""Vocabulary as data, and enum values written as abbreviations, codes or other languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedline.blueprint import Field, Option, load_blueprint
from feedline.mapping import map_enum_values
from feedline.mapping.normalize import form, split_compound
from feedline.mapping.vocabulary import LANGUAGES, conflicts, header_lexicon, languages, words
from tests.unit.vocabulary_fields import EMPLOYMENT, GENDER, ORDER_STATUS

REPO = Path(__file__).resolve().parents[2]

DEPARTMENT = Field("department", "Department", type="enum", options=(
    Option("sales", "Sales"), Option("finance", "Finance"), Option("hr", "Human Resources"),
    Option("rnd", "Research & Development"), Option("it", "IT"), Option("management", "Management"),
))
INDUSTRY = Field("industry", "Industry", type="enum", options=(
    Option("technology", "Technology"), Option("financial_services", "Financial Services"),
    Option("professional_services", "Professional Services"), Option("logistics", "Transportation & Logistics"),
))
CURRENCY = Field("currency", "Currency", type="enum", options=(
    Option("USD", "US Dollar"), Option("EUR", "Euro"), Option("GBP", "British Pound"),
))


def test_every_language_file_loads_with_its_version_and_provenance():
    langs = languages()
    assert [lang.code for lang in langs] == list(LANGUAGES)
    assert {"en", "de", "fr", "es", "it", "pt", "nl"} <= set(LANGUAGES)
    for lang in langs:
        assert lang.provenance and len(lang.headers) > 100 and lang.values


def test_no_header_word_means_two_things_in_two_languages():
    assert conflicts() == []


def test_yaml_booleans_are_words_in_the_vocabulary():
    assert header_lexicon()[("no",)] == ("id",)  # not "false"


@pytest.mark.parametrize(("header", "meaning"), [
    ("Personalnummer", ("employee", "id")), ("Date d'embauche", ("hire", "date")),
    ("Fecha de baja", ("termination", "date")), ("Data di assunzione", ("hire", "date")),
    ("Nº Funcionário", ("id", "employee")), ("Afdeling", ("department",)),
    ("Abteilung", ("department",)), ("Salário", ("salary",)), ("Ref.", ("id",)),
    ("Klantnummer", ("customer", "id")), ("Ciclo di vita", ("lifecycle", "stage")),
])
def test_business_header_words_of_six_languages(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("field", "value", "option"), [
    (EMPLOYMENT, "FT", "full_time"), (EMPLOYMENT, "PT", "part_time"),
    (EMPLOYMENT, "Temps plein", "full_time"), (EMPLOYMENT, "Teilzeit", "part_time"),
    (EMPLOYMENT, "Freiberufler", "contractor"),
    (DEPARTMENT, "R&D", "rnd"), (DEPARTMENT, "HR", "hr"), (DEPARTMENT, "Vertrieb", "sales"),
    (DEPARTMENT, "Ressources humaines", "hr"), (DEPARTMENT, "Mgmt", "management"),
    (DEPARTMENT, "Contabilidad", "finance"), (DEPARTMENT, "Forschung und Entwicklung", "rnd"),
    (INDUSTRY, "TECH", "technology"), (INDUSTRY, "FIN SVC", "financial_services"),
    (INDUSTRY, "PROF SVCS", "professional_services"), (INDUSTRY, "Transp & Log", "logistics"),
    (CURRENCY, "Dollaro statunitense", "USD"), (CURRENCY, "€", "EUR"), (CURRENCY, "Britisches Pfund", "GBP"),
    (GENDER, "M", "male"), (GENDER, "F", "female"), (GENDER, "weiblich", "female"),
])
def test_enum_values_as_abbreviations_initials_codes_and_other_languages(field, value, option):
    [mapped] = map_enum_values({value: 1}, field)
    assert mapped.option == option, mapped.reason
    assert mapped.reason


def test_an_ambiguous_abbreviation_maps_to_nothing():
    field = Field("kind", "Kind", type="enum", options=(Option("pa", "Part A"), Option("pb", "Part B")))
    [mapped] = map_enum_values({"P": 3}, field)
    assert mapped.option is None


def test_status_degree_and_payment_words_of_many_trades():
    claim = Field("status", "Claim Status", type="enum", options=(
        Option("submitted", "Submitted"), Option("pending", "Pending"),
        Option("approved", "Approved"), Option("denied", "Denied")))
    level = Field("level", "Level", type="enum", options=(
        Option("bachelor", "Bachelor"), Option("master", "Master"), Option("doctorate", "Doctorate")))
    channel = Field("channel", "Channel", type="enum", options=(
        Option("card", "Card Payment"), Option("transfer", "Bank Transfer")))
    got = {v.value: v.option for f, vals in ((claim, ["REJECTED", "IN_REVIEW", "Genehmigt", "recibido"]),
                                             (level, ["B.Sc.", "M.Sc.", "PhD"]),
                                             (channel, ["BACS", "SEPA"]))
           for v in map_enum_values(dict.fromkeys(vals, 1), f)}
    assert got == {"REJECTED": "denied", "IN_REVIEW": "pending", "Genehmigt": "approved",
                   "recibido": "submitted", "B.Sc.": "bachelor", "M.Sc.": "master",
                   "PhD": "doctorate", "BACS": "transfer", "SEPA": "transfer"}


def test_header_words_of_property_banking_and_study_exports():
    assert form("Floor Area").expanded == ("floor", "area")  # an area is no department
    assert form("Superficie (m²)").expanded[0] == "area"
    assert form("Habitaciones").expanded == ("bedrooms",)
    assert form("CPTY_NAME").expanded == ("counterparty", "name")
    assert form("RUNNING_BAL").expanded == ("balance",)
    assert form("Studiengang").expanded == ("programme",)
    assert form("C.P.").expanded == ("zip",)
    assert form("Kwota (PLN)").expanded[0] == "amount"




@pytest.mark.parametrize(("value", "option"), [
    ("Bestätigt", "confirmed"), ("confirmée", "confirmed"), ("onaylandı", "confirmed"),
    ("potwierdzone", "confirmed"), ("Entwurf", "draft"), ("brouillon", "draft"),
    ("en cours", "in_progress"), ("w trakcie", "in_progress"), ("pågår", "in_progress"),
    ("en pausa", "on_hold"), ("pozastaveno", "on_hold"), ("Afgerond", "completed"),
    ("tamamlandı", "completed"), ("befejezve", "completed"), ("storniert", "canceled"),
    ("annulée", "canceled"), ("zrušeno", "canceled"), ("otkazano", "canceled"),
])
def test_lifecycle_words_of_many_languages_name_a_status_option(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_frequencies_priorities_and_customer_types_in_other_languages():
    frequency = Field("frequency", "Billing Frequency", type="enum", options=(
        Option("monthly", "Monthly"), Option("quarterly", "Quarterly"), Option("annual", "Annual")))
    priority = Field("priority", "Priority", type="enum", options=(
        Option("low", "Low"), Option("medium", "Medium"), Option("high", "High"), Option("critical", "Critical")))
    kind = Field("kind", "Customer Type", type="enum", options=(
        Option("private", "Private"), Option("business", "Business")))
    got = {v.value: v.option for f, vals in ((frequency, ["monatlich", "trimestriel", "jährlich", "kuukausittain"]),
                                             (priority, ["Niedrig", "kritisch", "alta", "közepes"]),
                                             (kind, ["Particulier", "gewerblich", "zakelijk"]))
           for v in map_enum_values(dict.fromkeys(vals, 1), f)}
    assert got == {"monatlich": "monthly", "trimestriel": "quarterly", "jährlich": "annual",
                   "kuukausittain": "monthly", "Niedrig": "low", "kritisch": "critical", "alta": "high",
                   "közepes": "medium", "Particulier": "private", "gewerblich": "business",
                   "zakelijk": "business"}


def test_a_vocabulary_language_without_a_cldr_locale_gives_no_names(monkeypatch):
    from feedline.mapping import codelists

    monkeypatch.setattr(codelists, "LANGUAGES", ("en", "lt", "zz"))
    codelists.vocabulary_locales.cache_clear()
    try:
        assert [str(loc) for loc in codelists.vocabulary_locales()] == ["en", "lt"]
    finally:
        codelists.vocabulary_locales.cache_clear()


@pytest.mark.parametrize(("value", "option"), [
    ("Atšaukta", "canceled"), ("Pabeigts", "completed"), ("Kinnitatud", "confirmed"),
    ("V teku", "in_progress"), ("Esborrany", "draft"), ("Í vinnslu", "in_progress"), ("Dibatalkan", "canceled"),
    ("Ditangguhkan", "on_hold"), ("Ikkonfermat", "confirmed"), ("Críochnaithe", "completed"),
])
def test_status_words_of_the_eleventh_round_languages(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


@pytest.mark.parametrize(("header", "word"), [
    ("Телефон", "telefon"), ("Κατηγορία", "katigoria"), ("Дата рождения", "data rozhdeniya"),
    ("ОБЪЁМ", "obem"), ("Email адрес", "email adres"), ("Ім'я", "imya"), ("П’ятниця", "pyatnitsya"),
    ("№ п/п", "no p p"), ("O'Brien", "o brien"), ("ТабельныйНомер", "tabelnyi nomer"), ("КВыплате", "k vyplate"),
    # vowel signs, viramas and tone marks belong to the word in Indic and Thai scripts
    ("विभाग", "vibhag"), ("कर्मचारी संख्या", "krmcari smkhya"), ("বিভাগ", "bibhag"), ("เงินเดือน", "enginedueon"),
])
def test_words_of_other_scripts_are_romanized(header, word):
    assert " ".join(form(header).words) == word


def test_romanized_words_reach_cognates_and_tell_headers_apart_in_memory():
    from feedline.mapping.normalize import memory_key

    assert form("Телефон").expanded == ("phone",)  # Telefon, as German and Polish write it
    assert form("µg").words == ("g",)  # a lone Greek mu is the micro of a unit, not a word
    assert memory_key("ТЕЛЕФОН") == memory_key("Телефон") == "telefon"
    # a personnel number and a row counter: two columns, not one remembered header
    assert memory_key("Таб. №") == "tab no" and memory_key("№ п/п") == "no p p"
    assert form("№").expanded == ("id",)  # compatibility letters fold to lower case too


@pytest.mark.parametrize(("header", "meaning"), [
    # Japanese, kanji and katakana
    ("氏名", ("full", "name")), ("住所", ("address",)), ("電話番号", ("phone",)),
    ("メールアドレス", ("email",)), ("生年月日", ("date", "of", "birth")), ("会社名", ("company",)),
    ("部署", ("department",)), ("役職", ("job", "title")), ("入社日", ("hire", "date")),
    ("退職日", ("termination", "date")), ("金額", ("amount",)), ("単価", ("unit", "price")),
    ("合計", ("total",)), ("注文番号", ("order", "id")), ("顧客コード", ("customer", "id")),
    ("商品名", ("product", "name")), ("ステータス", ("status",)), ("備考", ("notes",)),
    # Chinese, simplified and traditional
    ("姓名", ("full", "name")), ("地址", ("address",)), ("电话", ("phone",)), ("電話", ("phone",)),
    ("邮箱", ("email",)), ("出生日期", ("date", "of", "birth")), ("公司名称", ("company",)),
    ("入职日期", ("hire", "date")), ("单价", ("unit", "price")), ("订单号", ("order", "id")),
    ("訂單編號", ("order", "id")), ("客戶編號", ("customer", "id")), ("产品名称", ("product", "name")),
    ("状态", ("status",)), ("狀態", ("status",)), ("备注", ("notes",)),
    # Korean
    ("이름", ("name",)), ("주소", ("address",)), ("전화번호", ("phone",)), ("이메일", ("email",)),
    ("생년월일", ("date", "of", "birth")), ("회사명", ("company",)), ("입사일", ("hire", "date")),
    ("수량", ("quantity",)), ("주문번호", ("order", "id")), ("고객코드", ("customer", "id")),
    ("상품명", ("product", "name")), ("비고", ("notes",)),
])
def test_business_header_words_of_japanese_chinese_and_korean(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("header", "meaning"), [
    ("顧客住所", ("customer", "address")), ("注文ステータス", ("order", "status")),
    ("订单状态", ("order", "status")), ("客户电话", ("customer", "phone")),
    ("고객주소", ("customer", "address")), ("주문금액", ("order", "amount")),
    # three words glued: the split keeps the known two-word tail whole (電話 + 番号 = phone)
    ("顧客電話番号", ("customer", "phone")), ("顧客メールアドレス", ("customer", "email")),
    ("客戶電話號碼", ("customer", "phone")), ("고객전화번호", ("customer", "phone")),
])
def test_cjk_headers_written_without_spaces_split_into_their_words(header, meaning):
    assert form(header).expanded == meaning


def test_a_compound_prefers_a_known_head_over_an_unknown_one():
    from feedline.mapping.normalize import split_compound

    # the shortest known tail (fanhao, an id) leaves an unknown head: a longer tail with a
    # known head wins, and an unknown head is kept only when no split has a known one
    assert split_compound("gukedianhuafanhao")[0] == ("customer", "phone")
    assert split_compound("kundennummer")[0] == ("customer", "id")


@pytest.mark.parametrize(("value", "option"), [
    ("キャンセル", "canceled"), ("確定", "confirmed"), ("進行中", "in_progress"), ("下書き", "draft"),
    ("已取消", "canceled"), ("已確認", "confirmed"), ("暂停", "on_hold"), ("已完成", "completed"),
    ("취소", "canceled"), ("진행중", "in_progress"), ("보류", "on_hold"), ("완료", "completed"),
])
def test_status_words_of_japanese_chinese_and_korean(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_cjk_gender_values_name_their_option():
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["男性", "女性", "남성", "여성"], 1), GENDER)}
    assert got == {"男性": "male", "女性": "female", "남성": "male", "여성": "female"}


@pytest.mark.parametrize(("header", "meaning"), [
    # Kazakh, Cyrillic
    ("Жалақы", ("salary",)), ("Бөлім", ("department",)), ("Лауазымы", ("job", "title")),
    ("Жұмысқа қабылданған күні", ("hire", "date")), ("Табель нөмірі", ("employee", "id")),
    ("Жеке табыс салығы", ("income", "tax")), ("Төлем тәсілі", ("payment", "method")),
    ("Жүк алушы", ("consignee",)),
    # Arabic: a consonant skeleton, with and without the article
    ("الراتب", ("salary",)), ("القسم", ("department",)), ("المسمى الوظيفي", ("job", "title")),
    ("تاريخ التعيين", ("hire", "date")), ("صافي الراتب", ("net", "salary")),
    ("ضريبة الدخل", ("income", "tax")), ("طريقة الدفع", ("payment", "method")), ("المرسل إليه", ("consignee",)),
    # Hebrew
    ("משכורת", ("salary",)), ("מחלקה", ("department",)), ("תפקיד", ("job", "title")),
    ("מספר עובד", ("employee", "id")), ("תאריך תחילת עבודה", ("hire", "date")), ("מס הכנסה", ("income", "tax")),
    ("אמצעי תשלום", ("payment", "method")), ("סוג אריזה", ("package", "type")),
    # Hindi as Indian exports write it in Latin letters
    ("Vetan", ("salary",)), ("Vibhag", ("department",)), ("Karmchari Sankhya", ("employee", "id")),
    ("Bhugtan Vidhi", ("payment", "method")), ("CTC", ("salary",)), ("TDS", ("income", "tax")),
])
def test_business_header_words_of_kazakh_arabic_hebrew_and_hindi(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Расталды", "confirmed"), ("Орындалуда", "in_progress"), ("Жойылды", "canceled"), ("Аяқталды", "completed"),
    ("مؤكد", "confirmed"), ("قيد التنفيذ", "in_progress"), ("ملغى", "canceled"), ("مسودة", "draft"),
    ("בוטל", "canceled"), ("בתהליך", "in_progress"), ("מושהה", "on_hold"), ("טיוטה", "draft"),
    ("Radd", "canceled"), ("Jaari", "in_progress"), ("Sthagit", "on_hold"), ("Sampann", "completed"),
])
def test_status_words_of_kazakh_arabic_hebrew_and_hindi(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_skeletons_of_two_meanings_are_left_out():
    # Arabic مدينة (city) and Hebrew מדינה (country) both romanize to mdynh; Arabic شارع
    # (street) and Hindi शहर (city) to shr: neither is a header word
    from feedline.mapping.normalize import words

    assert words("مدينة") == words("מדינה") == ["mdynh"] and ("mdynh",) not in header_lexicon()
    assert words("شارع") == words("शहर") == ["shr"] and ("shr",) not in header_lexicon()


@pytest.mark.parametrize(("header", "meaning"), [
    # Vietnamese, with and without its diacritics
    ("Mã nhân viên", ("employee", "id")), ("Họ và tên", ("full", "name")), ("Phòng ban", ("department",)),
    ("Chức vụ", ("job", "title")), ("Ngày vào làm", ("hire", "date")), ("Ngay sinh", ("date", "of", "birth")),
    ("Lương thực lĩnh", ("salary", "net")), ("Thuế TNCN", ("income", "tax")), ("Người nhận", ("consignee",)),
    ("Tỉnh/Thành phố", ("state", "city")),
    # Swahili
    ("Namba ya Mfanyakazi", ("employee", "id")), ("Idara", ("department",)), ("Mshahara Ghafi", ("salary", "gross")),
    ("Tarehe ya Kuajiriwa", ("hire", "date")), ("Kodi ya Mapato", ("income", "tax")), ("Aina ya Kifurushi", ("package", "type")),
    # Tagalog
    ("Blg. ng Empleyado", ("employee", "id")), ("Apelyido", ("last", "name")), ("Netong Sahod", ("net", "salary")),
    ("Katayuang Sibil", ("marital", "status")), ("Paraan ng Pagbabayad", ("payment", "method")),
    ("SSS No.", ("social", "security", "number")),
])
def test_business_header_words_of_vietnamese_swahili_and_tagalog(header, meaning):
    assert form(header).expanded == meaning


@pytest.mark.parametrize(("value", "option"), [
    ("Đã xác nhận", "confirmed"), ("Bản nháp", "draft"), ("Tạm dừng", "on_hold"), ("Đã hủy", "canceled"),
    ("Imethibitishwa", "confirmed"), ("Inaendelea", "in_progress"), ("Imekamilika", "completed"),
    ("Kinansela", "canceled"), ("Isinasagawa", "in_progress"), ("Tapos na", "completed"),
])
def test_status_words_of_vietnamese_swahili_and_tagalog(value, option):
    [mapped] = map_enum_values({value: 1}, ORDER_STATUS)
    assert mapped.option == option, mapped.reason


def test_gender_values_of_vietnamese_swahili_and_tagalog():
    values = ["Nam", "Nữ", "Kiume", "Kike", "Lalaki", "Babae"]
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(values, 1), GENDER)}
    assert got == dict(zip(values, ["male", "female"] * 3, strict=True))


@pytest.mark.parametrize("word", ["control", "support", "customs", "storage", "referral", "billing"])
def test_an_english_word_is_no_compound_of_other_languages_words(word):
    # cont + rol, supp + ort (German for a place), cust + oms, bil + ling (Hindi for gender)
    assert split_compound(word) is None


def test_the_words_of_the_shipped_blueprints_labels_are_no_compounds():
    labels = [f.label for path in (REPO / "examples").rglob("blueprint.yaml")
              for sheet in load_blueprint(path).sheets for f in sheet.fields]
    split = {w: split_compound(w) for label in labels for w in words(label) if split_compound(w)}
    assert labels and split == {}
    assert split_compound("kundennummer") == (("customer", "id"), "kundennummer=kunden+nummer")


@pytest.mark.parametrize("value", ["Probezeit", "испытательный срок", "試用期間", "proefperiode", "thử việc"])
def test_a_trial_period_word_is_an_employees_probation_where_the_field_has_no_trial(value):
    hr = Field("status", "Status", type="enum", options=(
        Option("active", "Active"), Option("probation", "Probation"), Option("terminated", "Terminated")))
    subscription = Field("status", "Status", type="enum", options=(
        Option("trial", "Trial"), Option("active", "Active"), Option("cancelled", "Cancelled")))
    assert map_enum_values({value: 3}, hr)[0].option == "probation"
    assert map_enum_values({value: 3}, subscription)[0].option == "trial"


def test_a_key_written_twice_in_a_vocabulary_file_is_refused():
    # YAML keeps the last of two equal keys silently: the first one's words would be lost.
    from feedline.errors import MappingError
    from feedline.mapping.vocabulary import parse

    with pytest.raises(MappingError, match=r"vocabulary xx: 'job title' is written twice \(line 5\)"):
        parse("format: 1\nlanguage: xx\nheaders:\n  job title: [position]\n  job title: [stelle]\n", "xx")


def test_a_meaning_that_adds_the_fields_kind_names_the_option() -> None:
    # "single room" is the vocabulary's meaning of Einzelzimmer; in a Room Type field the
    # option is just "Single" (whose own word also means unmarried).
    room = Field("room_type", "Room Type", type="enum",
                 options=tuple(Option(o, o.title()) for o in ("single", "double", "suite")))
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["Einzelzimmer", "Chambre simple"], 2), room)}
    assert got == {"Einzelzimmer": "single", "Chambre simple": "single"}
    marital = Field("marital_status", "Marital Status", type="enum",
                    options=(Option("single", "Single"), Option("married", "Married")))
    assert map_enum_values({"Einzelzimmer": 2}, marital)[0].option is None  # no room in this field


def test_logistics_acronyms_name_their_status() -> None:
    status = Field("status", "Status", type="enum", options=tuple(
        Option(o, o.replace("_", " ").title()) for o in ("in_transit", "delivered", "returned")))
    got = {v.value: v.option for v in map_enum_values(dict.fromkeys(["POD", "RTO"], 2), status)}
    assert got == {"POD": "delivered", "RTO": "returned"}


def test_an_english_field_word_keeps_its_english_meaning():
    # French payroll writes "qualification" for a job's grade; an English blueprint's
    # Qualification is no job title (a trade or a profession would go to it).
    assert form("Qualification").expanded == ("qualification",)


def test_field_names_are_read_as_english_and_headers_in_every_language():
    assert form("Data Allowance (GB)", english=True).expanded == ("data", "allowance", "gb")
    assert form("Distance km", english=True).expanded == ("distance", "km")  # Estonian KM is a tax
    assert form("Data").expanded == ("date",)  # an Italian or Portuguese header


def test_a_leave_of_one_kind_is_no_other_kind_of_leave():
    day = Field("day_type", "Day Type", type="enum", options=(
        Option("worked", "Worked"), Option("sick", "Sick Leave"), Option("vacation", "Vacation"),
        Option("holiday", "Public Holiday")))
    got = {m.value: m.option for m in map_enum_values({"Annual leave": 2, "Dovolená": 2, "Nemoc": 1}, day)}
    # Czech dovolená is written as "on leave": a sick leave and a vacation both are
    assert got == {"Annual leave": "vacation", "Dovolená": None, "Nemoc": "sick"}
    status = Field("status", "Status", type="enum", options=(Option("active", "Active"), Option("on_leave", "On Leave")))
    assert [m.option for m in map_enum_values({"Vacation": 2}, status)] == ["on_leave"]


def test_trade_relation_codes_are_one_word_not_camel_case():
    assert words("B2B") == ["b2b"] and words("B2C") == ["b2c"] and words("B2B2C") == ["b2b2c"]
    assert words("Address2City") == ["address2", "city"] and words("Q1Sales") == ["q1", "sales"]
    customer = Field("customer_type", "Customer Type", type="enum",
                     options=(Option("private", "Private"), Option("business", "Business")))
    mapped = {m.value: m.option for m in map_enum_values({"B2B": 3, "B2C": 2}, customer)}
    assert mapped == {"B2B": "business", "B2C": "private"}


def test_short_abbreviations_in_mixed_case_are_one_word():
    assert form("KvK nr").expanded == ("vat", "number")  # Kamer van Koophandel, not "kv k"
    assert form("Emp DoB").expanded == ("employee", "date", "of", "birth")
    assert words("PhD") == ["phd"] and words("IeFP") == ["iefp"]
    # camel case of longer words is still split
    assert words("CustId") == ["cust", "id"] and words("MwSt") == ["mw", "st"] and words("NrId") == ["nr", "id"]
