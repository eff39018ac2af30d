"""The first disclosure check: children's words, and the tricks that hide them.

Children's phrasing below follows how child-protection guidance (NSPCC, Childline)
says children and young people tell: indirectly, in their own words, often about
"a friend", in text-speak, misspelt, or hidden from a simple search.
"""
import json
from importlib import resources

import pytest

from engage.analysis.safeguarding import KINDS, evaluate, normalise, possible_disclosure


@pytest.mark.parametrize(
    "words",
    [
        "my stepdad hits me",
        "My mums boyfriend hits me when shes at work",
        "dad beats my little brother",
        "im scared to go home",
        "i got hit again last night",
        "he touches me at night and says its our secret",
        "he makes me keep secrets",
        "my uncle does things to me i dont like",
        "a man online keeps asking me for pics",
        "someone older gives me stuff to carry",
        "older boys make me carry drugs for them",
        "they said i owe them money",
        "sometimes i want to kill myself",
        "i want to die",
        "i cut myself",
        "i've been cutting again",
        "kms",
        "i wanna die",
        "i'm not safe",
        "he said he's gonna kill me",
        "there's never any food at home and im always hungry",
        "i feel worthless and nobody cares about me",
        "i hate myself",
        "i cant cope anymore",
    ],
)
def test_words_that_may_tell_of_harm_are_noticed(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "my mates dad touches her",
        "my mate's dad hits her",
        "my friend's mum slaps her round the face",
        "my best mate gets beaten at home",
        "my friend says she wants to die",
        "my mate cuts himself",
        "my sister gets hit by our dad",
    ],
)
def test_harm_to_someone_else_is_noticed_too(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "he hurts me n i cant tell ne1",
        "i wna die",
        "i want 2 die",
        "my step dad hitz me",
        "sum1 older makes me carry stuff",
        "ppl keep askin me 4 nudes",
        "ima kms",
        "im nt safe @ home",
        "u wont tell ne1 but my dad hits me",
    ],
)
def test_text_speak_is_read(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "i want to kil myslef",
        "im suicidle",
        "my stepdda hits me",
        "he tuoches me",
        "i was abussed",
        "i think about suicde",
    ],
)
def test_misspellings_of_the_words_that_matter_are_mended(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "my stepdad hiiiiits me",  # stretched letters
        "i w4nt t0 d1e",  # digits for letters
        "mу stеpdad hitѕ me",  # Cyrillic look-alike letters
        "my step\u200bdad hi\u200bts me",  # zero-width spaces
        "i\u2060 want\u200d to d\u200bie",  # other invisible joiners
        "ｉ ｗａｎｔ ｔｏ ｄｉｅ",  # full-width letters
        "MY DAD HITS ME",
        "i’m scared to go home",  # a curly apostrophe
    ],
)
def test_disguises_do_not_hide_the_words(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "the buses are killing me lol",
        "the park is dead boring",
        "I'd die for better chips at school",
        "exams are killing me lol",
        "my feet are killing me after the walk",
        "i'm dead tired after school",
        "i nearly died laughing at the drama workshop",
        "i want to dye my hair pink",
        "i want to die my hair blue but school wont let me",
        "he beat me at fifa again",
        "my team got beaten 5-0",
        "my mum will kill me if i'm late",
        "I hit the gym after school",
        "the bus hits the kerb every morning",
        "i love football and my dad takes me",
        "more things to do for young people",
        "knife crime is a big problem round here",
        "",
        "   ",
    ],
)
def test_everyday_words_and_idioms_are_left_alone(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "the grooming and exploitation workshop was good, i learnt the signs",
        "we learned about county lines in pshe",
        "i think there should be more lessons about domestic abuse so people know what it is",
        "there needs to be more awareness about suicide and mental health",
        "more help for people with depression and anxiety",
        "Older kids try to get younger ones to carry stuff for them.",
        "I don't feel safe walking through the park at night.",
        "Exams stress me out and there's no one to talk to.",
    ],
)
def test_talking_about_a_topic_is_not_a_disclosure(words):
    assert possible_disclosure(words) is None


def _examples():
    text = resources.files("engage.analysis").joinpath("data/disclosure_examples.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_the_projects_own_examples_are_all_noticed_and_ordinary_answers_rarely():
    report = evaluate((row["text"], bool(row["disclosure"])) for row in _examples())
    assert report["recall"] == 1.0
    assert report["false_positive_rate"] <= 0.02
    # Speed is printed by bench/disclosure.py: an assertion on it flaked on a busy machine.


def test_the_concern_names_its_kind_and_the_words_that_matched():
    concern = possible_disclosure("Honestly my stepdad hits me a lot")
    assert (concern.kind, concern.phrase) == ("violence at home", "my stepdad hits me")


@pytest.mark.parametrize(
    "words, kind",
    [
        ("my stepdad hits me", "violence at home"),
        ("there's never any food at home", "abuse"),
        ("he touches me at night", "sexual harm"),
        ("they said i owe them money", "exploitation"),
        ("i want to die", "self-harm or suicidal thoughts"),
        ("i'm not safe", "in danger now"),
        ("i feel worthless", "emotional distress"),
        ("my nan died and i keep crying at school, and im tired", "signs of distress"),
    ],
)
def test_each_kind_of_concern_is_named(words, kind):
    assert kind in KINDS
    assert possible_disclosure(words).kind == kind


def test_several_signs_of_distress_together_are_noticed_but_one_alone_is_not():
    assert possible_disclosure("i cried at the end of the film lol") is None
    concern = possible_disclosure("my nan died and i keep crying at school, and im tired")
    assert concern is not None and concern.kind == "signs of distress"


def test_normalising_removes_disguises_but_keeps_the_words():
    assert normalise("Ｍy  STEP\u200bDAD hiiiits  mе!!") == "my stepdad hiits me"


def test_evaluate_counts_recall_precision_and_false_alarms():
    report = evaluate([("i want to die", True), ("buses are late", True), ("i'm not safe", False), ("nice day", False)])
    assert (report["recall"], report["precision"], report["false_positive_rate"], report["n"]) == (0.5, 0.5, 0.5, 4)


@pytest.mark.parametrize("words", ["not safe at home", "nobody feeds me", "theres no food at home"])
def test_short_answers_about_home_without_a_subject_still_get_help(words):
    assert possible_disclosure(words) is not None


@pytest.mark.parametrize(
    "words",
    [
        "I've been thinking about how many of my tablets it would take to kill me",
        "i took a whole packet of paracetamol and i dont care anymore",
        "i think i might go through with it this time",
        "i dont think i can survive another week of this",
        "not sure i will make it through tonight",
        "i just want to go to sleep and never wake up",
        "i wont be around much longer so it doesnt matter",
        "i have nothing left to live for",
        "i can't stand it anymore",
        "i deserve to die for what i did",
    ],
)
def test_the_indirect_warning_signs_of_suicide_are_noticed(words):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == "self-harm or suicidal thoughts"


def test_a_long_unhappy_account_of_oneself_needs_only_one_sign():
    account = ("every night i just lie in bed and cry and i dont even know why anymore, "
               "i dont talk to anyone about it because they would think im weird")
    concern = possible_disclosure(account)
    assert concern is not None and concern.kind == "signs of distress"
    assert possible_disclosure("i cry at night") is None  # short: one sign is not enough


@pytest.mark.parametrize(
    "words",
    [
        # One sign in a long unhappy answer, but of the everyday kind: fear, tiredness, sadness at a loss.
        "I don't like walking home from school because older boys hang around the shop and "
        "shout at us, I get scared and the police never come round here",
        "school is so stressful at the moment with mocks and coursework, I am tired all the "
        "time and the teachers keep giving us more homework",
        "I was sad when the youth club closed because it was the only place I could see my "
        "friends after school and now we have nowhere to go",
        # Long and unhappy, but about the town, not oneself.
        "the park is horrible at night, there are needles and broken glass everywhere and "
        "nobody from the council ever comes to clean it up or fix the lights",
        # Phrases that once matched: a near miss on the road, not wanting to see a film.
        "the crossing outside our school is dangerous, my friend nearly got hit last week",
        "i dont want to see the same film again at the youth club",
    ],
)
def test_long_everyday_complaints_are_not_a_disclosure(words):
    assert possible_disclosure(words) is None


def test_nowhere_to_go_tonight_is_still_noticed():
    assert possible_disclosure("mum kicked me out and i have nowhere to go tonight") is not None
    assert possible_disclosure("there's nowhere to go for teenagers round here") is None


@pytest.mark.xfail(strict=True, reason="known miss: lonely without a sign word, and the sentiment model reads it as neutral")
def test_a_quiet_account_of_being_alone_is_noticed():
    assert possible_disclosure(
        "I don't really have anyone at school, I sit on my own at lunch every day and go "
        "home and stay in my room, it has been like this for a year"
    ) is not None


@pytest.mark.parametrize(
    "words, kind",
    [
        ("someone online is threatening to share my pictures unless i pay", "sexual harm"),
        ("he said he would post my nudes if i dont send more", "sexual harm"),
        ("a man online asked me to keep our chats secret", "sexual harm"),
        ("he pressured me into sex", "sexual harm"),
        ("i was forced to have sex", "sexual harm"),
        ("my boyfriend checks my phone and wont let me see my friends", "abuse"),
        ("my girlfriend is so jealous and controlling", "abuse"),
        ("he tells me what to wear and who i can talk to", "abuse"),
    ],
)
def test_harm_in_young_peoples_own_relationships_and_online_is_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize(
    "words",
    [
        "my mum wont let me see my friends when im grounded",
        "my mum checks my phone sometimes",
        "my mum tells me what to wear to weddings",
        "we made a video to share our photos of the trip",
    ],
)
def test_ordinary_family_rules_are_not_control(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("i have lost the will to live", "self-harm or suicidal thoughts"),
        ("honestly i wouldnt care if i didnt wake up tomorrow", "self-harm or suicidal thoughts"),
        ("if a bus ran over me i honestly wouldnt even care", "self-harm or suicidal thoughts"),
        ("i cant see any future for me", "self-harm or suicidal thoughts"),
        ("my stepdad pointed a knife at my mum last night", "in danger now"),
        ("he held a gun to me and laughed", "in danger now"),
        ("she forces me to eat until im sick", "abuse"),
        ("my dad makes me sleep in the shed when he is angry", "abuse"),
        ("i keep hearing voices and i dont know what to do", "emotional distress"),
        ("there are voices in my head telling me to do bad things", "emotional distress"),
    ],
)
def test_threats_with_weapons_cruelty_and_crisis_said_plainly_are_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize(
    "words",
    [
        "i cant see a future for the youth club if they cut the money",
        "my mum makes me eat my vegetables",
        "the police officer held a knife up to show us what not to carry",
        "i hear voices in the corridor when im in the library",
        "if it killed me i would be so annoyed, its my favourite game",
    ],
)
def test_the_same_words_about_everyday_things_are_left_alone(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("my stepdad split my lip last night", "violence at home"),
        ("he put his hands round my neck and squeezed", "violence at home"),
        ("my uncle held me down and i couldnt move", "violence at home"),
        ("dad dragged me up the stairs by force", "violence at home"),
        ("my sister keeps getting beaten by her boyfriend", "violence at home"),
        ("is it rape if i said no but he kept going", "sexual harm"),
        ("im in a really dark place right now", "emotional distress"),
        ("i have no one", "emotional distress"),
        ("im so tired of feeling trapped", "emotional distress"),
        ("i dont trust myself at the moment", "emotional distress"),
        ("ive said my goodbyes to my friends", "self-harm or suicidal thoughts"),
        ("hopefully i dont wake up tomorrow", "self-harm or suicidal thoughts"),
        ("i made a noose in my room", "self-harm or suicidal thoughts"),
        ("im going to take every pill in the cupboard", "self-harm or suicidal thoughts"),
        ("my mum and dad would be better without me", "self-harm or suicidal thoughts"),
        ("i want to jump off the bridge near school", "self-harm or suicidal thoughts"),
        ("my friend said they want to kill themselves", "self-harm or suicidal thoughts"),
        ("i just want to be gone", "self-harm or suicidal thoughts"),
        ("i need some help please", "in danger now"),
        ("if i tell anyone my dad will kill me", "in danger now"),
        ("i took the whole bottle of pills", "self-harm or suicidal thoughts"),
        ("my sister hit me with a belt", "violence at home"),
        ("ive given up", "emotional distress"),
        ("im not in a good place at the moment", "emotional distress"),
        ("i cant cope anymore with anything", "emotional distress"),
    ],
)
def test_injuries_goodbyes_and_a_dark_place_said_plainly_are_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize(
    "words",
    [
        "i want to jump on the trampoline at the park",
        "we want to jump in the pool more often",
        "i tried to jump the fence and ripped my trousers",
        "i broke my arm at football last year",
        "my brother pinned me down and tickled me",
        "i was in a bad place for signal so the survey kept crashing",
        "the youth club is a dark place at night, it needs lights",
        "i want to be gone by 6 so i can catch the bus",
        "in history we learned about people escaping the noose",
        "we were getting beaten every match this season",
        "i have nothing left to do at the youth club",
        "i am not in a good place to revise at home because its noisy",
        "im in a bad place with my grades",
        "i took the whole packet of biscuits to share",
        "my sister hit me with a pillow",
        "my little brother kicks me under the table",
        "i got punched in boxing club but thats the sport",
        "if i fail my exams my mum will kill me",
        "can someone help me find the youth club",
        "help me please i cant find the bus times",
        "i cant breathe in the crowded corridors",
        "im drowning in homework",
        "i feel numb after the dentist",
        "im in pain from my braces",
        "i feel lost in the big school",
        "i feel trapped in this town there is nothing to do",
        "i feel like a failure at maths",
        "i cant cope with the amount of homework",
        "i gave up piano last year",
    ],
)
def test_the_same_words_about_play_sport_and_everyday_things_are_left_alone(words):
    assert possible_disclosure(words) is None


# How children hint rather than tell (NSPCC, "how children tell"; Childline): a secret,
# somewhere they cannot go, a parent who cannot cope, an adult's "game", long sleeves.
@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("can i stay at yours tonight i cant go home", "violence at home"),
        ("mums boyfriend gets angry and i have to hide in my room", "violence at home"),
        ("my dads friend plays games with me that i dont like", "sexual harm"),
        ("im not allowed to tell anyone what happens at home", "abuse"),
        ("mum doesnt get out of bed so i do everything", "abuse"),
        ("there are men who come to our house at night and i dont know them", "exploitation"),
        ("i wear long sleeves so nobody sees my arms", "self-harm or suicidal thoughts"),
        ("i dont eat so i can be thin", "self-harm or suicidal thoughts"),
        ("i want to sleep forever", "self-harm or suicidal thoughts"),
        ("someone at the park showed me pictures of his private parts", "sexual harm"),
        ("a man online keeps asking me to video call him alone", "sexual harm"),
        ("my dad gets really drunk and smashes things", "violence at home"),
        ("they make me go to houses and drop off bags", "exploitation"),
        ("i owe some older boys money and they said i have to work for them", "exploitation"),
        ("i took some tablets last night to try and not wake up", "self-harm or suicidal thoughts"),
        ("i sleep on the floor because theres no bed for me", "abuse"),
        ("i havent eaten since yesterday because there is no food", "abuse"),
        ("i feel dirty and ashamed about what he did", "sexual harm"),
        ("my teacher sends me messages at night and says to keep it between us", "sexual harm"),
        ("mum says i cant tell the social worker anything", "abuse"),
    ],
)
def test_how_children_hint_rather_than_tell_is_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize(
    "words",
    [
        "i cant go home until my mum finishes work",
        "i cant go home at lunch anymore",
        "my mum doesnt get out of bed on sundays",
        "we slept on the floor at the sleepover",
        "i havent eaten since breakfast can we have snacks",
        "my brother plays games with me on the xbox",
        "in pshe we learned about the pants rule and private parts",
        "my nan keeps asking me to video call her",
        "my friends on snapchat keep asking me to come to the park",
        "i feel dirty after football",
        "the teachers make us carry our bags to the coach",
        "they made us take bags of litter to the bins",
        "we hide when we play hide and seek",
        "my dad gets mad and throws his controller when he loses at fifa",
        "i like long sleeves in winter",
        "i wear long sleeves so i dont get cold",
        "i dont eat meat so i can be healthier",
        "i want to sleep forever after exams",
        "i try to not wake up my little brother",
        "mum says i cant tell anyone about the surprise party",
        "there are people who come to my house at night to play cards with my dad",
        "my mums friend plays games with me and its fun",
        "i owe my mate a fiver for the cinema",
        "i cover my arms because of my eczema",
        "i get up early to not wake up late for school",
    ],
)
def test_the_same_words_in_a_childs_everyday_life_are_left_alone(words):
    assert possible_disclosure(words) is None


# Forced marriage and FGM, being watched, threats to post pictures, "sh" and relapsing,
# plans and letters, a refuge: more of how children tell, each beside its everyday twin.
@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("my parents are taking me abroad in the summer to get married", "abuse"),
        ("theyre sending me back home to marry my cousin", "abuse"),
        ("im being made to marry someone i dont know", "abuse"),
        ("they said i have to be cut like the other girls in the family", "abuse"),
        ("my step mum wont let me eat with the family", "abuse"),
        ("my mums boyfriend watches me in the shower", "sexual harm"),
        ("im scared theyll put my pics online", "sexual harm"),
        ("im on a line and cant get out", "exploitation"),
        ("ive been sh again", "self-harm or suicidal thoughts"),
        ("i relapsed and cut again last night", "self-harm or suicidal thoughts"),
        ("i keep planning how i would do it", "self-harm or suicidal thoughts"),
        ("ive written letters to my family", "self-harm or suicidal thoughts"),
        ("there is no point anymore", "self-harm or suicidal thoughts"),
        ("everyone hates me and i should just disappear", "self-harm or suicidal thoughts"),
        ("dad said hed kill mum if she leaves", "in danger now"),
        ("we had to go to a refuge because of my dad", "in danger now"),
    ],
)
def test_forced_marriage_being_watched_and_plans_in_a_childs_words_are_noticed(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize(
    "words",
    [
        "my sister is getting married in the summer",
        "my cousin is going abroad to get married",
        "we learned about fgm in pshe",
        "im going to get my hair cut like my favourite footballer",
        "my little brother wont let me eat my dinner in peace",
        "mum wont let me have sweets before dinner",
        "my dad watches me at football every week",
        "im worried theyll post our pictures from the trip",
        "im worried theyll put my pictures on the school website",
        "my mum is on the line to the council about the bins",
        "i should just go home and revise",
        "i might as well die of boredom in maths",
        "theres no point going to the youth club anymore",
        "we wrote letters to our families on the residential",
        "i wrote letters to my family from camp",
        "i wrote notes for everyone in my class at christmas",
        "we stayed in a refuge hut on the mountain walk",
        "i keep thinking about how i would do it differently next time",
        "i relapsed on my new years resolution lol",
    ],
)
def test_weddings_haircuts_school_photos_and_resolutions_are_left_alone(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "ive bin sh agen",
        "he showd me pics of his privates",
        "i wnt 2 sleep 4eva",
        "i wear long sleevs so no1 sees my arms",
        "mum sez i cant tell the social wrker nothin",
        "i hav no1",
        "a man online keeps askin me 2 vid call him alone",
        "i havnt eaten since yday",
        "ive writen leters 2 my family",
        "hopefuly i dont wake up 2moro",
    ],
)
def test_the_new_phrases_are_read_through_text_speak_and_misspellings(words):
    assert possible_disclosure(words) is not None


# Rounds 18-20's phrases as a child might type them: text-speak, a look-alike letter, a zero-width space.
@pytest.mark.parametrize(
    "words",
    [
        "i no longer wna b alive",
        "its my tym 2 go",
        "i lookd up how many of mums tablets it wud take",
        "sum1 has my nudes n sez they'll post them unless i pay",
        "my coach msgs me at nyt n sez im his fave n not 2 tell the others",
        "i throw up aftr every meal so i dont get fat",
        "mum sez she wishes id nvr been born",
        "im 2 scared 2 come out of my room",
        "i've been lookin up how long it takes 2 drown",
        "my step dad locks the fridge so we cnt eat",
        "i\u200c no\u200c longer want to be alive",
        "\u0456 n\u03bf l\u03bfnger want t\u03bf be alive",
    ],
)
def test_rounds_18_to_20_are_read_through_text_speak_and_disguises(words):
    assert possible_disclosure(words, likeness=False) is not None


# Rounds of children's words written on 2026-11-27 after NSPCC's and Childline's guidance on how
# children tell (a freeze, a "special game", a lap, pictures, being made to carry, the police at the
# house, thoughts of ending it, scratching until it bleeds, tablets saved up, a drink spiked...), each
# round put to the check unseen first (README: Help at once), with everyday twins in the same words.
def _children():
    text = resources.files("engage.analysis").joinpath("data/disclosure_children.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("words", "kind"), [(r["text"], r["kind"]) for r in _children() if r["disclosure"]])
def test_more_of_how_children_tell_is_noticed_as_its_kind(words, kind):
    concern = possible_disclosure(words)
    assert concern is not None and concern.kind == kind


@pytest.mark.parametrize("words", [r["text"] for r in _children() if not r["disclosure"]])
def test_their_everyday_twins_are_left_alone(words):
    assert possible_disclosure(words) is None


# A view about people in general is what a board consults on; a flagged answer would leave its reports.
@pytest.mark.parametrize(
    "words",
    [
        "county lines is massive round here and kids get pulled in",
        "Domestic abuse - more help for families",
        "more breakfast clubs for kids who dont get fed",
        "children being neglected because their parents are on drugs or drinking",
    ],
)
def test_a_view_about_people_in_general_is_not_a_disclosure(words):
    assert possible_disclosure(words) is None


# Without a general subject, or with someone close, a place, a time or a person named, it may be a telling.
@pytest.mark.parametrize(
    "words",
    [
        "abuse at home",
        "being made to carry drugs",
        "kids in my street get hit by their dad",
        "girls in year 9 are being groomed by older men",
        "a man at the park gives girls vapes to go in his car",
        "some kids at the youth club are being made to sell weed",
    ],
)
def test_harm_told_without_a_general_view_is_still_heard(words):
    assert possible_disclosure(words, likeness=False) is not None


def test_sexual_touching_and_looking_is_heard_whoever_does_it_and_however_it_is_said():
    # A grid, because one plain sentence of it ("my mummy's friend touches my private parts") went unheard.
    who = ["my uncle", "my mum's boyfriend", "a man at the club", "he", "my cousin", "my dad's friend"]
    touching = ["touches", "touched", "keeps touching", "rubs", "feels", "grabs", "strokes", "plays with", "licks", "kisses"]
    looking = ["looks at", "stares at", "takes pictures of", "films"]
    where = ["my private parts", "my privates", "my bum", "my willy", "my vagina", "my chest", "my boobs", "my thigh"]
    unheard = [f"{w} {v} {o}" for w in who for v in touching + looking for o in where
               if possible_disclosure(f"{w} {v} {o}", likeness=False) is None]
    unheard += [f"{w} {v} me {o}" for w in who for v in touching for o in ("down there", "in bed", "under my clothes")
                if possible_disclosure(f"{w} {v} me {o}", likeness=False) is None]
    assert unheard == []


def test_violence_is_heard_whoever_does_it_and_to_whom():
    who = ["my dad", "my step dad", "my mum's boyfriend", "my nan", "my big brother", "she", "my foster carer"]
    what = ["hits", "punches", "kicks", "slaps", "chokes", "burns", "bites", "throws things at", "shoves", "drags",
            "scratches", "headbutts", "stamps on", "spits on", "kept hitting"]
    whom = ["me", "my mum", "my little brother", "us"]
    unheard = [f"{w} {v} {o}" for w in who for v in what for o in whom
               if possible_disclosure(f"{w} {v} {o}", likeness=False) is None]
    assert unheard == []


def test_a_wish_or_plan_to_die_is_heard_however_it_is_led_into():
    lead = ["i want to", "part of me wants to", "i keep thinking about how to", "i've been thinking about ways to",
            "i feel like i should", "i might", "i need to", "i'm ready to", "i tried to", "lowkey i want to"]
    act = ["die", "kill myself", "end it all", "end my life", "unalive myself", "not be here anymore",
           "disappear forever", "jump off the bridge", "stop existing", "overdose", "kms"]
    unheard = [f"{l} {a}" for l in lead for a in act if possible_disclosure(f"{l} {a}", likeness=False) is None]
    assert unheard == []


def test_grooming_is_heard_whoever_it_comes_from():
    who = ["a man online", "someone on snapchat", "a guy on roblox", "an older boy", "a 25 year old",
           "someone i met on tiktok", "a man from discord", "my tutor"]
    what = ["asks me for pics", "wants to meet up with me alone", "sends me money", "says he loves me",
            "tells me to keep our chats secret", "asks me to video call when i'm alone", "asks what i'm wearing",
            "asks if my parents are home", "wants me to send nudes", "offered me money for photos",
            "told me to delete our messages", "says i'm mature for my age", "asked me to be his girlfriend"]
    unheard = [f"{w} {a}" for w in who for a in what if possible_disclosure(f"{w} {a}", likeness=False) is None]
    assert unheard == []


def test_being_used_to_carry_and_sell_is_heard_whoever_does_it():
    who = ["older boys", "a gang", "my cousin's mates", "some men", "they", "a man"]
    what = ["make me carry drugs", "make me hold a package", "make me stash knives at my house",
            "take me to other towns to sell", "pay me to drop off bags", "send me on runs",
            "took my phone and won't give it back until i do a job", "say i owe them money"]
    unheard = [f"{w} {a}" for w in who for a in what if possible_disclosure(f"{w} {a}", likeness=False) is None]
    assert unheard == []


# "My sister smacked her head on the door" is an accident; the same words done to her, on purpose,
# or when she is upset still reach the safeguarding lead.
@pytest.mark.parametrize(
    "words",
    [
        "my sister smacked her head on the door",
        "my little sister fell and hit her head",
        "my nan hit her head when she fell over",
        "my big sister banged her head on the bunk bed",
        "my mum bumped her knee on the table",
    ],
)
def test_a_girl_or_woman_knocking_her_own_head_is_an_accident(words):
    assert possible_disclosure(words) is None


@pytest.mark.parametrize(
    "words",
    [
        "my dad hit her head on the table",
        "my dad smacked her head against the wall",
        "my sister hits her head on the wall when she is upset",
        "my sister hit her head on purpose",
        "my mum smacked her and she hit her head",
    ],
)
def test_a_head_hit_by_someone_else_or_on_purpose_is_still_heard(words):
    assert possible_disclosure(words) is not None
