"""The disclosure check in Engage's other languages: Welsh, Polish, Romanian, Arabic, Urdu.

Young people answer in their own language, so a child who writes "ojczym mnie
bije" or "میں خودکشی کرنا چاہتی ہوں" must see help as soon as one who writes
"my stepdad hits me". Each language has a smaller lexicon than the English one:
the plain first-person and third-person ways of telling of each kind, written by
the project from the same child-protection guidance, each tested beside everyday
uses of the same words ("mama mnie zabije, jak się spóźnię": mum will kill me if
I'm late). Native speakers should review them (docs/translation-review.md).

A text is read in every language, not only the page's: a young person may answer
in Polish on an English page. Latin-script text is read without accents ("ł" as
"l", "ș" as "s"), so a phone without the keyboard for them is read the same.
Arabic-script text is read with its marks removed and the Arabic and Urdu forms of
a letter made one (ی ي ى, ک ك, ہ ه ة), so one pattern serves both.
"""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e\u0640]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ے": "ي", "ې": "ي",
    "ک": "ك", "ہ": "ه", "ۂ": "ه", "ۃ": "ه", "ة": "ه", "ھ": "ه", "ؤ": "و", "ئ": "ي",
})
_LATIN_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def without_accents(text: str) -> str:
    """Lower case, with each letter's accent taken off: "Siân" -> "sian", "Paweł" -> "pawel"."""
    text = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def latin_reading(text: str) -> str:
    """Lower case, accents and apostrophes gone: "Nie czuję się bezpiecznie" -> "nie czuje sie bezpiecznie"."""
    text = without_accents(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def arabic_reading(text: str) -> str:
    """Arabic-script words without marks, one form of each letter, single spaces."""
    text = _ARABIC_MARKS.sub("", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
    text = text.translate(_ARABIC_LETTERS)
    return re.sub(r"[^\u0621-\u06ff]+", " ", text).strip()


_HAS_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Letters Urdu writes and Arabic does not: ٹ ڈ ڑ ں ے ہ ھ گ چ پ ژ ک ی.
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be\u06af\u0686\u067e\u0698\u06a9\u06cc]")


def has_arabic_script(text: str) -> bool:
    return _HAS_ARABIC.search(text) is not None


def arabic_script_language(text: str) -> str:
    """Urdu ("ur") when the text has a letter only Urdu writes, else Arabic ("ar")."""
    return "ur" if _URDU_LETTERS.search(text) else "ar"


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# Polish ("pl"). "Mnie"/"mi"/"się" carry the first person; both aspects of each verb.
_PL_WHO = _any(
    r"tata", r"tato", r"ojciec", r"mama", r"matka", r"ojczym", r"macocha", r"brat", r"siostra", r"wujek",
    r"ciocia", r"dziadek", r"babcia", r"chlopak (?:mamy|mojej mamy)", r"partner (?:mamy|mojej mamy)",
    r"chlopak", r"dziewczyna", r"on", r"ona", r"oni", r"rodzice", r"nauczyciel", r"trener", r"sasiad",
)
# Play, sport and idiom: "bije mnie w szachy", "kopie mnie pod stołem", "bije mnie na głowę".
_PL_PLAY = r"(?:w (?:grze|grach|szachy|fife|karty|pilke|gre)|na (?:boisku|treningu|glowe)|pod stolem|pilka|pilkami|poduszka)\b"
_PL: dict[str, tuple[str, ...]] = {
    "violence at home": (
        rf"\b(?:{_PL_WHO} )?(?:bije|bil|bila|bija|bili|uderza|uderzyl|uderzyla|kopie|kopal|kopnal|dusil|dusila|szarpie|"
        rf"popycha|pobil|pobila|katuje|leje|lal|tlucze|tlukl|przypala|przypalil) mnie\b(?! {_PL_PLAY})",
        rf"\bmnie (?:bije|bija|bil|bila|bili|uderza|uderzyl|kopie|katuje|leje|tlucze|pobil|pobila)\b(?! {_PL_PLAY})",
        rf"\b{_PL_WHO} (?:bije|bil|uderza|uderzyl|kopie) (?:mame|mamusie|tate|brata|siostre|nas)\b",
        r"\bboje sie (?:wracac|wrocic|isc|pojsc|byc) (?:do )?domu?\b|\bnie chce wracac do domu\b",
        r"\bprzemoc (?:w domu|domowa)\b(?<!o przemocy domowej)|\bsiniaki? (?:od|przez) (?:taty|ojca|mamy|ojczyma|niego|niej)\b",
    ),
    "abuse": (
        r"\b(?:nie (?:wolno mi|moge) (?:nikomu )?powiedziec|nie wolno mi mowic)\b|\bto (?:nasza|jest nasza) tajemnica\b",
        r"\b(?:nie dostaje|nie mam co) (?:jesc|jedzenia)\b|\bnikt (?:sie mna nie opiekuje|mnie nie kocha|o mnie nie dba)\b",
        r"\b(?:zmuszaja|zmuszaja mnie|chca mnie wydac|wydaja mnie) (?:do slubu|za maz|mnie za maz)\b|\bwydac mnie za maz\b",
    ),
    "sexual harm": (
        rf"\b(?:{_PL_WHO} )?(?:dotyka|dotykal|dotykala|macal|maca|molestuje|molestowal|zgwalcil|gwalci) mnie\b"
        r"|\bmnie (?:dotyka|dotykal|dotykala|maca|macal|molestuje|molestowal)\b",
        r"\b(?:mnie )?(?:zgwalcil|zgwalcili|molestowal|molestowala)\b|\b(?:gwalt|molestowanie)\b(?<!o gwalcie)(?= (?:mnie|na mnie))",
        r"\b(?:chce|chcial|kaze|kazal|prosi|prosil) (?:zebym|mi|mnie) (?:wyslal|wyslala|wysylac|wyslac|robil|robila|zrobil|zrobila) "
        r"(?:nagie|rozebrane|nagich|takie)? ?(?:zdjecia|fotki|nudesy)\b",
        r"\bgrozi(?:l|la)?,? ze (?:wrzuci|pokaze|wysle|udostepni) (?:moje )?(?:zdjecia|fotki|nudesy)\b",
    ),
    "exploitation": (
        r"\b(?:kaza|kazali|zmuszaja|zmuszali) mi (?:sprzedawac|przewozic|wozic|nosic|dostarczac|trzymac) "
        r"(?:narkotyki|dragi|paczki|towar|noz|noze)\b",
        r"\bjestem im winien\b|\bmusze (?:to )?odpracowac\b",
    ),
    "self-harm or suicidal thoughts": (
        r"\b(?:chce|chcialbym|chcialabym|planuje|mysle zeby|mam ochote) (?:sie )?(?:zabic|umrzec|skonczyc ze soba|odebrac sobie zycie)\b"
        r"(?! (?:ze (?:smiechu|nudow|wstydu|zmeczenia)|z (?:nudow|wstydu)|czas)\b)",
        r"\bzabije sie\b|\bskoncze ze soba\b|\bodbiore sobie zycie\b|\bpopelnie samobojstwo\b",
        r"\bnie chce (?:juz )?(?:zyc|tu byc|istniec|sie obudzic)\b|\bnie mam po co zyc\b|\bmam dosc zycia\b",
        r"\bmysle o (?:samobojstwie|smierci|tym zeby sie zabic)\b|\bmysli samobojcze\b",
        r"\b(?:tne sie|ciac sie|pocielam sie|pocialem sie|okaleczam sie|krzywdze sie|robie sobie krzywde|samookalecz\w*)\b",
        r"\b(?:lepiej|latwiej) (?:by )?(?:bylo|byloby) (?:im |wszystkim )?beze mnie\b",
    ),
    "in danger now": (
        r"\bnie czuje sie bezpiecznie (?:w domu|z (?:nim|nia|nimi|tata|mama|ojczymem))\b|\bjestem w niebezpieczenstwie\b",
        r"\b(?:grozi|grozil|grozila|grozili) (?:mi|ze mnie) (?:zabije|zabic|pobije|skrzywdzi)\b|\bpowiedzial,? ze mnie zabije\b",
        r"^pomocy\b|\bpomocy$|\bpomocy prosze\b|\bprosze (?:o )?pomoc(?:y)?$|\b(?:pomozcie mi|niech ktos mi pomoze)\b(?! (?:z|ze|w|przy|znalezc)\b)",
    ),
    "emotional distress": (
        r"\b(?:nienawidze (?:siebie|swojego zycia)|nikt mnie nie kocha|mam depresje|jestem bezwartosciow\w+|"
        r"czuje sie (?:bezwartosciow\w+|pust\w+ w srodku|beznadziejnie))\b|\bjuz nie daje rady\b(?! (?:z|ze|w)\b)",
    ),
}

# Romanian ("ro"). Diacritics gone: "mă bate" is "ma bate", "să" is "sa".
_RO_WHO = _any(
    r"tata", r"tatal meu", r"mama", r"tatal vitreg", r"mama vitrega", r"fratele meu", r"sora mea", r"unchiul",
    r"bunicul", r"iubitul mamei", r"prietenul mamei", r"iubitul meu", r"el", r"ea", r"ei", r"parintii",
)
_RO: dict[str, tuple[str, ...]] = {
    "violence at home": (
        rf"\b(?:{_RO_WHO} )?(?:ma|m a) (?:bate|batea|a batut|loveste|lovea|a lovit|strange de gat|sugruma|imbranceste|a ars|arde)\b"
        r"(?! (?:la (?:fotbal|sah|joc|jocuri|fifa|carti|tenis)|in joc|gandul|soarele|vantul|cu mingea|cu perna)\b)"
        r"|\bm a (?:batut|lovit|ars|strans de gat|imbrancit|palmuit)\b(?! (?:la (?:fotbal|sah|joc|fifa)|cu mingea)\b)",
        r"\bmi e (?:frica|teama) sa (?:merg|ma duc|ma intorc) acasa\b|\bnu vreau sa (?:merg|ma duc|ma intorc) acasa\b",
        r"\b(?:violenta|violente) (?:in familie|acasa)\b(?<!despre violenta in familie)|\bvanatai de la (?:tata|mama|el|ea)\b",
    ),
    "abuse": (
        r"\bnu am voie sa (?:spun|zic) (?:nimanui|la nimeni)\b|\be secretul nostru\b",
        r"\bnu (?:am|primesc) (?:ce sa mananc|mancare)\b|\bnimeni nu (?:ma iubeste|are grija de mine)\b",
        r"\b(?:ma obliga|vor sa ma|ma marita|ma casatoresc cu forta) (?:sa ma marit|sa ma casatoresc|marite|casatoreasca)\b",
    ),
    "sexual harm": (
        rf"\b(?:{_RO_WHO} )?(?:ma|m a) (?:atinge|atingea|a atins|pipaie|a pipait|a violat|violeaza|a abuzat|abuzeaza)\b"
        r"|\bm a (?:atins|pipait|violat|abuzat)\b",
        r"\b(?:vrea|cere|mi a cerut|imi cere) (?:sa (?:ii )?trimit )?(?:poze|fotografii) (?:nud|goale|dezbracat\w*)\b",
        r"\bamenint\w* ca (?:imi )?(?:posteaza|publica|trimite|arata) (?:pozele|pozele mele|fotografiile)\b",
    ),
    "exploitation": (
        r"\b(?:ma pun|ma obliga|m au pus|m au obligat) sa (?:vand|duc|car|livrez|tin) (?:droguri|pachete|cutite|marfa)\b",
        r"\ble datorez (?:bani)?\b",
    ),
    "self-harm or suicidal thoughts": (
        r"\b(?:vreau|as vrea|o sa|ma gandesc) sa (?:mor|ma sinucid|ma omor|nu mai traiesc|imi iau viata)\b",
        r"\bma sinucid\b|\bma omor\b(?! (?:de|cu|dupa|in)\b)|\bnu mai vreau sa (?:traiesc|exist|ma trezesc)\b",
        r"\bma gandesc la (?:sinucidere|moarte)\b|\bganduri (?:de sinucidere|sinucigase)\b",
        r"\b(?:ma tai|ma ranesc|imi fac rau|ma autoranesc|automutil\w*)\b(?! (?:la (?:deget|mana|picior)|cand gatesc|din greseala|cu (?:cutitul|hartia|foarfeca))\b)",
        r"\ble ar fi (?:mai bine|mai usor) fara mine\b|\bar fi mai bine fara mine\b",
    ),
    "in danger now": (
        r"\bnu ma simt in siguranta (?:acasa|cu (?:el|ea|ei|tata|mama))\b|\bsunt in pericol\b",
        r"\b(?:m a amenintat|ma ameninta|a zis) ca (?:ma omoara|o sa ma omoare|ma bate)\b",
        r"^ajutor\b|\bajutor$|\bajutor va rog\b|\b(?:ajutati ma|va rog ajutati ma)\b(?! (?:la|cu|sa gasesc)\b)",
    ),
    "emotional distress": (
        r"\b(?:ma urasc|imi urasc viata|nimeni nu ma iubeste|sunt depresiv\w*|am depresie|ma simt (?:gol|goala|fara valoare|inutil\w*))\b"
        r"|\bnu mai pot\b(?! (?:sa (?:astept|mananc|invat)|cu (?:temele|scoala))\b)",
    ),
}

# Welsh ("cy"). Mutations matter: "curo" (hit) is "fy nghuro" (hit me), "taro" "fy nharo".
_CY: dict[str, tuple[str, ...]] = {
    "violence at home": (
        r"\b(?:nghuro|nharo|nghicio|nhagu|mrifo|mwrw)\b(?! (?:i )?(?:mewn|yn|ar) (?:gem|gemau|gwyddbwyll|pel droed|rygbi|ras|fifa|cardiau)\b)",
        r"\b(?:curo|taro|cicio|brifo) (?:fi|i)\b(?! (?:yn|mewn|ar) (?:y )?(?:gem|gemau|pel droed|rygbi|gwyddbwyll))",
        r"\bofn mynd (?:adre|adref|nol adre)\b|\bdim eisiau mynd adre\w?\b|\bddim isio mynd adra\b",
    ),
    "abuse": (
        r"\bdw i ddim yn cael dweud wrth neb\b|\bein cyfrinach ni\b|\bdim bwyd (?:yn y ty|adref|adre)\b",
        r"\bdoes neb yn (?:poeni amdana i|fy ngharu|edrych ar fy ol)\b",
    ),
    "sexual harm": (
        r"\b(?:fy )?nghyffwrdd\b|\bcyffwrdd (?:a )?fi\b|\b(?:treisio|wedi fy nhreisio|cam drin rhywiol)\b",
        r"\bisio lluniau noeth\b|\beisiau lluniau noeth\b|\banfon lluniau noeth\b",
    ),
    "exploitation": (
        r"\bgwneud i fi (?:werthu|gario|symud) (?:cyffuriau|pecynnau)\b",
    ),
    "self-harm or suicidal thoughts": (
        r"\b(?:eisiau|isio|moen|awydd) (?:marw|lladd fy hun|diweddu pethau|gorffen y cyfan)\b",
        r"\blladd fy hun\b|\bhunanladdiad\b(?<!am hunanladdiad)(?<!atal hunanladdiad)|\bhunan niweidio\b|\bniweidio fy hun\b|\btorri fy hun\b|\bbrifo fy hun\b",
        r"\bddim eisiau byw\b|\bddim isio byw\b|\bdim pwynt byw\b|\bwell (?:eu byd )?hebdda i\b",
    ),
    "in danger now": (
        r"\bddim yn teimlo n ddiogel (?:gartref|adref|adre|yn y ty|gyda fo|gyda hi|gydag e)\b",
        r"\bwedi bygwth fy lladd\b|\bmynd i fy lladd\b(?! os)",
        r"\b(?:helpwch fi|help plis)\b(?! (?:gyda|efo|i|hefo|plis gyda)\b)",
    ),
    "emotional distress": (
        r"\b(?:dw i n casau fy hun|casau fy hun|dw i ddim yn gallu ymdopi|dw i n teimlo n wag|dw i n isel iawn)\b",
    ),
}

# Arabic ("ar") and Urdu ("ur"), read together after their letters are made one.
_AR: dict[str, tuple[str, ...]] = {
    "violence at home": (
        r"(?:يضربني|تضربني|يضربونني|يضربوني|ضربني|ضربتني|يركلني|يخنقني|خنقني|يعذبني|يحرقني)",
        r"(?:بابا|ابي|امي|زوج امي|زوجه ابي|اخي|ابو|ابا|امي جان|سوتيلا باپ|سوتيلي ماں)(?: \S+){0,2} (?:مجهے|مجھے) (?:مارت|مارا|پيٹت|پيٹا|ٹھوکر)",
        r"(?:مجهے|مجھے) (?:مارت|پيٹت)(?:ا|ي|ے)? (?:ہيں|هيں|ہے|هے|تھے|تهے)",
        r"(?:اخاف|خايف|خايفه) (?:من )?(?:ان )?(?:ارجع|العوده|الذهاب) (?:الي |ل)?(?:البيت|المنزل|البيت)",
        r"گھر جانے سے ڈر|گهر جانے سے ڈر|گھر واپس نہيں جانا|گهر واپس نهيں جانا",
        r"عنف (?:اسري|منزلي|في البيت)|گھريلو تشدد|گهريلو تشدد",
    ),
    "abuse": (
        r"(?:لا يسمح لي|ممنوع) (?:ان )?(?:اقول|اخبر) (?:لاحد|اي احد)|سرنا الصغير",
        r"(?:لا احد|ما حد) (?:يحبني|يهتم بي)|کوئي (?:مجھ سے|مجھے) پيار نہيں|كوئي (?:مجھ سے|مجھے) پيار نهيں",
        r"(?:يريدون|سيزوجونني|يجبرونني علي) (?:تزويجي|الزواج)|زواج قسري|زبردستي شادي|زبردستي (?:ميري )?شادي",
        r"(?:لا يوجد|ما في) (?:اكل|طعام) في البيت|گھر ميں کھانا نہيں|گهر ميں كهانا نهيں",
    ),
    "sexual harm": (
        r"(?:يلمسني|لمسني|يتحرش بي|تحرش بي|اغتصبني|اغتصاب|تحرش جنسي)",
        r"(?:مجھے|مجهے) (?:غلط )?(?:چھوت|چهوت|چھوا|چهوا)|ميرے ساتھ زيادتي|ميرے ساته زيادتي|جنسي زيادتي|(?:نے )?ريپ کيا|ريپ كيا",
        r"(?:يطلب|طلب) (?:مني )?(?:صور|صوري) (?:عاريه|خاصه)|(?:ننگي|برہنہ|برهنه) تصوير",
    ),
    "exploitation": (
        r"(?:يجبرونني|يجعلونني|اجبروني) علي (?:بيع|نقل|توصيل) (?:المخدرات|مخدرات|طرود)",
        r"(?:منشيات|ڈرگز) (?:بيچنے|پہنچانے|پهنچانے) (?:پر )?(?:مجبور|کہتے|كهتے)",
    ),
    "self-harm or suicidal thoughts": (
        r"(?:اريد|اود|ساقوم|افكر) (?:ان |في )?(?:انتحر|الانتحار|اموت|اقتل نفسي|انهي حياتي)",
        r"(?:اقتل|سقتل|ساقتل) نفسي|\bانتحر\b|(?<!عن )(?<!حول )(?<!منع )الانتحار(?! (?:في المدرسه|درس))|لا اريد ان اعيش|لا اريد العيش|(?:اجرح|اؤذي|اوذي|اذي) نفسي",
        r"(?:خودکشي|خودكشي|خود کشي|خود كشي)(?! (?:کے بارے|كے بارے|سے بچاؤ|سے بچاو|کي روک|كي روك))",
        r"(?:خود کو|خود كو|اپنے آپ کو|اپنے اپ كو|اپنے اپ کو|اپنے آپ كو) (?:مار|ختم|نقصان|زخمي|کاٹ|كاٹ)",
        r"مرنا (?:چاہتا|چاہتي|چاهتا|چاهتي)|جينا نہيں (?:چاہتا|چاہتي)|جينا نهيں (?:چاهتا|چاهتي)",
        r"(?:سيكونون|سيكون الجميع) افضل بدوني|ميرے بغير (?:سب )?بہتر|ميرے بغير (?:سب )?بهتر",
    ),
    "in danger now": (
        r"(?:لا اشعر|ما احس) (?:بالامان|بامان) في (?:البيت|المنزل)|گھر ميں (?:محفوظ|سيف) نہيں|گهر ميں (?:محفوظ|سيف) نهيں",
        r"(?:هددني|تهددني|يهددني) (?:بالقتل|بقتلي|ان يقتلني)|(?:مجھے|مجهے) جان سے مارنے کي دھمکي|جان سے مارنے كي دهمكي",
        r"(?:ساعدوني|ساعدني)(?! في)|\bالنجده\b(?<!خط النجده)|(?<!ميں )(?:ميري )?(?:مدد کرو|مدد كرو|مدد کريں|مدد كريں)|(?<!سے )\b(?:بچاؤ|بچاو)\b",
    ),
    "emotional distress": (
        r"(?:اكره نفسي|اكره حياتي|لا احد يحبني|لا استطيع التحمل|مكتئب|مكتئبه)",
        r"(?:ميں )?(?:اپنے آپ|خود) سے نفرت|ڈپريشن ميں ہوں|ڈپريشن ميں هوں",
    ),
}


# Urdu typed in Roman letters, as many British Pakistani young people text: spellings vary
# ("mujhe", "mujhay", "mje"; "nahi", "nahin", "ni"), so each word has its common forms.
_RU_ME = r"(?:mujhe|mujhay|mujhey|mujhy|mje|mjhe|muje)"
_RU_WANT = r"(?:chahta|chahti|chahte|chahtee|chahata|chahati|chahtay|chaahta|chaahti)"
_RU_NOT = r"(?:nahi|nahin|nai|ni|nhi|nahee)"
_RU_IS = r"(?:hai|hain|he|hay|hy|hei|thay|tha|thi|the)"
_UR_ROMAN: dict[str, tuple[str, ...]] = {
    "violence at home": (
        rf"\b{_RU_ME} (?:marta|marti|marte|maarta|maarti|maarte|peet(?:ta|ti|te)|pit(?:ta|ti|te)) {_RU_IS}\b",
        r"\bghar (?:jane|jaane|wapas jane) se (?:dar|darr|dar lagta|darr lagta)\b",
    ),
    "abuse": (
        r"\bzabardasti (?:(?:meri|mera) )?(?:shadi|shaadi)\b|\b(?:meri|mera) (?:shadi|shaadi) zabardasti\b",
        rf"\bkisi ko (?:batana|bataana) {_RU_NOT} (?:hai|he|chahiye)\b(?=.*\b(?:ghar|abbu|ammi|chacha|mamu|woh)\b)",
    ),
    "sexual harm": (
        rf"\b{_RU_ME} (?:ghalat|galat|gandi tarah|bure tareeke se) (?:chhoo|chhu|chu|choo|haath laga)\w*\b",
        r"\b(?:zyadti|ziyadti|zyadati|ziyadati|zaiyadti) (?:ki|kee|hui|hoti)\b|\brape (?:kiya|kia|karta|karte)\b",
    ),
    "self-harm or suicidal thoughts": (
        r"\b(?:khudkushi|khud kushi|khudkashi|khud khushi) (?:karna|karni|kar lun|kar loon|kar lunga|kar lungi|ka soch)\w*\b",
        rf"\b(?:marna|mar jana|mar jaana) {_RU_WANT}\b|\b(?:jeena|jina|zinda rehna) {_RU_NOT} {_RU_WANT}\b",
        r"\b(?:khud|apne aap) ko (?:nuqsan|nuksan|nuksaan|nuqsaan|maar|mar|khatam|zakhmi|kaat|kat)\w*\b",
    ),
    "in danger now": (
        rf"\bghar (?:mein|me|main) (?:mehfooz|mahfooz|safe) {_RU_NOT}\b",
        r"(?<!mein )(?<!me )\b(?:meri )?madad (?:karo|karen|karein|kijiye|kro)\b(?! (?:homework|home work|kaam|parhai)\b)|\bbachao\b",
    ),
    "emotional distress": (
        r"\b(?:khud|apne aap) se nafrat\b|\bkoi (?:mujhse|mujh se) pyar (?:nahi|nahin|ni) karta\b|\bdepression mein hoon\b",
    ),
}


def _compile(lexicon: dict[str, tuple[str, ...]], arabic: bool = False) -> list[tuple[str, re.Pattern]]:
    """One pattern per kind; Arabic-script patterns are written as people type and read like the text."""
    return [
        (kind, re.compile("|".join(p.translate(_ARABIC_LETTERS) if arabic else p for p in patterns)))
        for kind, patterns in lexicon.items()
    ]


_LATIN = {"cy": _compile(_CY), "pl": _compile(_PL), "ro": _compile(_RO), "ur": _compile(_UR_ROMAN)}
_ARABIC_SCRIPT = _compile(_AR, arabic=True)


def find(text: str) -> tuple[str, str, str] | None:
    """(language code, kind, words) of the first concern in any of these languages, or None."""
    if has_arabic_script(text):
        reading = arabic_reading(text)
        for kind, pattern in _ARABIC_SCRIPT:
            found = pattern.search(reading)
            if found:
                return arabic_script_language(text), kind, found.group(0)
    reading = latin_reading(text)
    if reading:
        for language, lexicon in _LATIN.items():
            for kind, pattern in lexicon:
                found = pattern.search(reading)
                if found:
                    return language, kind, found.group(0)
    return None
