"""The disclosure check in Welsh, Polish, Romanian, Arabic and Urdu.

A young person may answer in their own language on any page, so every text is
read in every language. Each phrase sits beside everyday uses of the same words.
"""
import pytest

from engage.analysis.disclosure_languages import arabic_reading, latin_reading
from engage.analysis.safeguarding import possible_disclosure

TELLING = [
    # Polish
    ("mój ojczym mnie bije", "violence at home"),
    ("chłopak mamy uderzył mnie w twarz", "violence at home"),
    ("boję się wracać do domu", "violence at home"),
    ("nie wolno mi nikomu powiedzieć co się dzieje w domu", "abuse"),
    ("wujek mnie dotyka i mówi że to tajemnica", "sexual harm"),
    ("każą mi sprzedawać narkotyki", "exploitation"),
    ("chcę się zabić", "self-harm or suicidal thoughts"),
    ("nie chcę już żyć", "self-harm or suicidal thoughts"),
    ("tnę się od miesiąca", "self-harm or suicidal thoughts"),
    ("nie czuję się bezpiecznie w domu", "in danger now"),
    ("Pomocy!", "in danger now"),
    ("nikt mnie nie kocha", "abuse"),
    # Romanian
    ("tata mă bate", "violence at home"),
    ("tatăl vitreg m-a lovit", "violence at home"),
    ("mi-e frică să merg acasă", "violence at home"),
    ("nu am voie să spun nimănui", "abuse"),
    ("unchiul mă atinge", "sexual harm"),
    ("mă pun să vând droguri", "exploitation"),
    ("vreau să mor", "self-harm or suicidal thoughts"),
    ("nu mai vreau să trăiesc", "self-harm or suicidal thoughts"),
    ("nu mă simt în siguranță acasă", "in danger now"),
    # Welsh
    ("mae dad yn fy nghuro", "violence at home"),
    ("ofn mynd adre", "violence at home"),
    ("mae o'n fy nghyffwrdd", "sexual harm"),
    ("dw i eisiau marw", "self-harm or suicidal thoughts"),
    ("dw i'n niweidio fy hun", "self-harm or suicidal thoughts"),
    ("dw i ddim yn teimlo'n ddiogel gartref", "in danger now"),
    # Arabic
    ("أبي يضربني", "violence at home"),
    ("أخاف أن أرجع إلى البيت", "violence at home"),
    ("يريدون تزويجي", "abuse"),
    ("عمي يلمسني", "sexual harm"),
    ("أريد أن أموت", "self-harm or suicidal thoughts"),
    ("أفكر في الانتحار", "self-harm or suicidal thoughts"),
    ("لا أشعر بالأمان في البيت", "in danger now"),
    # Urdu
    ("ابو مجھے مارتے ہیں", "violence at home"),
    ("گھر جانے سے ڈر لگتا ہے", "violence at home"),
    ("زبردستی شادی کروا رہے ہیں", "abuse"),
    ("چچا مجھے غلط چھوتے ہیں", "sexual harm"),
    ("میں خودکشی کرنا چاہتی ہوں", "self-harm or suicidal thoughts"),
    ("میں جینا نہیں چاہتا", "self-harm or suicidal thoughts"),
    ("میں خود کو نقصان پہنچاتی ہوں", "self-harm or suicidal thoughts"),
    ("گھر میں محفوظ نہیں ہوں", "in danger now"),
    # Urdu in Roman letters
    ("abbu mujhe marte hain", "violence at home"),
    ("ghar jane se dar lagta hai", "violence at home"),
    ("zabardasti shadi kar rahe hain", "abuse"),
    ("chacha mujhe galat chhoote hain", "sexual harm"),
    ("main khudkushi karna chahti hoon", "self-harm or suicidal thoughts"),
    ("main jeena nahi chahti", "self-harm or suicidal thoughts"),
    ("main khud ko nuqsan pohanchati hoon", "self-harm or suicidal thoughts"),
    ("ghar mein mehfooz nahi hoon", "in danger now"),
]

EVERYDAY = [
    "mama mnie zabije jak się spóźnię",  # mum will kill me if I'm late
    "Chcę umrzeć ze śmiechu jak oglądam ten film",  # I could die laughing
    "Nie czuję się bezpiecznie w parku wieczorem",  # a complaint about the park, for the board
    "Tata mnie zawsze wozi do szkoły",
    "Nu mă simt în siguranță în parc seara",
    "Dw i ddim yn teimlo'n ddiogel yn y parc gyda'r nos",
    "لا أشعر بالأمان في الحديقة ليلا",
    "ساعدوني في الرياضيات من فضلكم",
    "امی ہوم ورک میں میری مدد کرتی ہیں",
    "brat bije mnie w szachy",  # beats me at chess
    "serce mi bije szybko na meczu",  # my heart beats fast at the match
    "kopie mnie pod stołem mój młodszy brat",
    "umieram z nudów na lekcjach",
    "potrzebuję pomocy z matmy",
    "szkoła powinna dać więcej pomocy uczniom",
    "nie daję rady z matmą",
    "mă bate la fotbal mereu",
    "mor de râs la ore",
    "am nevoie de ajutor la teme",
    "mă omor după ciocolată",
    "mă tai la deget când gătesc",
    "nu mai pot să aștept vacanța",
    "helpwch fi gyda'r gwaith cartref",
    "mae e'n fy nghuro i mewn gwyddbwyll",
    "roedd gwers am atal hunanladdiad",
    "سأموت من الضحك",
    "درس عن الانتحار في المدرسة",
    "ساعدوني في الواجب",
    "أمي ستقتلني إذا تأخرت",
    "ہنس ہنس کر مر گیا",
    "خودکشی کے بارے میں سبق تھا",
    "ہوم ورک میں مدد کرو",
    "امی مجھے مار ڈالیں گی اگر میں لیٹ ہوئی",
    "ammi mujhe maar dalengi agar main late hui",
    "homework mein madad karo",
    "khudkushi ke baare mein lesson tha",
    "meri behen ki shadi hai",
    "main doctor banna chahti hoon",
]


@pytest.mark.parametrize(("words", "kind"), TELLING)
def test_telling_of_harm_in_each_language_is_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize("words", EVERYDAY)
def test_the_same_words_in_everyday_life_are_left_alone(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "chce sie zabic",  # typed without a Polish keyboard
        "CHCĘ SIĘ ZABIĆ",
        "vreau sa ma sinucid",
        "ch\u200bcę się zabić",  # a zero-width space inside a word
        "أُرِيدُ أَنْ أَمُوتَ",  # with its vowel marks
        "أريـــد أن أموت",  # stretched with tatweel
        "ميں خودكشي كرنا چاهتي هوں",  # Urdu typed on an Arabic keyboard
    ],
)
def test_missing_accents_marks_and_keyboards_do_not_hide_the_words(words):
    assert possible_disclosure(words) is not None


def test_readings_drop_accents_and_make_one_form_of_each_arabic_letter():
    assert latin_reading("Nie czuję się bezpiecznie, ŁÓDŹ!") == "nie czuje sie bezpiecznie lodz"
    assert latin_reading("mi-e frică să merg acasă") == "mi e frica sa merg acasa"
    assert arabic_reading("أُرِيدُ") == arabic_reading("اريد")
    assert arabic_reading("کیا") == arabic_reading("كيا")


def test_english_answers_are_not_read_as_another_language():
    # Words that happen to be Polish, Romanian or Welsh elsewhere in an English answer.
    for words in ["my ma does tai chi at the leisure centre", "the helpline number was on the poster",
                  "we wait on the line at the chippy", "mae the cat is called mae"]:
        assert possible_disclosure(words) is None
