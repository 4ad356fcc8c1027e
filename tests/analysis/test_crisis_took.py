"""Crisis cues: a quantity of a drug taken ("took a whole bottle of tylenol", "took the rest of
my oxy") is a cue, read with the one list of drugs the overdose idiom reads too, unless the words
after it tell of carrying it or of a usual dose ("... with me on vacation", "... over the day for
my migraine"); the idiom "I overdosed on coffee" beside a usual dose, and a real overdose of an
everyday thing meant to harm. The cases are those a second old-vs-new review of 494 hand-written
messages found missed or flagged wrongly, and those a third review of 437 found missed by the
everyday readings (a count of ten or more, all of a supply or a sign of the writer's own risk is
never carried nor a usual dose) or flagged wrongly.
"""

from __future__ import annotations

import pytest

from carelens.analysis.crisis import crisis_cues


def cue_words(text: str) -> list[str]:
    """The words of each cue the patterns find in ``text``."""
    return [span.text_in(text) for span in crisis_cues(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("took the whole bottle of pills", "took the whole bottle of pills"),
        ("took an entire bottle of pills", "took an entire bottle of pills"),
        (
            "i took an entire bottle of tylenol last night and now i'm scared",
            "took an entire bottle of tylenol",
        ),
        ("took a whole bottle of my mom's pills", "took a whole bottle of my mom's pills"),
        (
            "i took a whole bottle of my mom's sleeping pills",
            "took a whole bottle of my mom's sleeping pills",
        ),
        (
            "took way too many of my dad's sleeping pills",
            "took way too many of my dad's sleeping pills",
        ),
        ("took like 30 of my pills", "took like 30 of my pills"),
        ("took way too many benadryl", "took way too many benadryl"),
        (
            "took a whole bottle of benadryl an hour ago, my heart is racing",
            "took a whole bottle of benadryl",
        ),
        ("i just took 12 trazodone", "took 12 trazodone"),
        ("took a whole bottle of gabapentin", "took a whole bottle of gabapentin"),
        ("took like 20 xans", "took like 20 xans"),
        ("took a whole pack of percs", "took a whole pack of percs"),
        ("i took like 25 zoloft", "took like 25 zoloft"),
        ("took a whole blister pack of ibuprofen", "took a whole blister pack of ibuprofen"),
        ("took the rest of my oxy", "took the rest of my oxy"),
        ("took two bottles of cough syrup on purpose", "took two bottles of cough syrup"),
        ("i took every pill in the house", "took every pill"),
        ("took all of my mom's pills", "took all of my mom's pills"),
        ("took 15 of my xanax bars", "took 15 of my xanax"),
        ("took a shit ton of xanax", "took a shit ton of xanax"),
        ("took my whole prescription of lexapro at once", "took my whole prescription of lexapro"),
        ("took two whole bottles of melatonin", "took two whole bottles of melatonin"),
        # "to" before no place nor person
        ("i took a bottle of pills to my room", "took a bottle of pills"),
    ],
)
def test_a_quantity_of_any_drug_taken_is_a_cue(text: str, words: str) -> None:
    """Each was no cue: "took" read only "a (whole|full|entire) bottle of", one free word
    before the drug and a shorter list of drugs than the overdose idiom's."""
    assert cue_words(text) == [words]


def test_an_overdose_after_a_telling_is_a_cue_and_takes_the_telling_up() -> None:
    """No cue at all: the telling read as reported, the overdose unread."""
    text = "my mom told me to kill myself so i took a whole bottle of my dad's pills"
    assert cue_words(text) == ["kill myself", "took a whole bottle of my dad's pills"]


@pytest.mark.parametrize(
    "text",
    [
        # carried
        "i took a whole bottle of tylenol with me on vacation just in case",
        "i took a whole box of meds with me on our trip to mexico",
        "took 3 bottles of expired meds to the pharmacy take back day",
        "took a full pack of tablets back to the pharmacy because they were the wrong ones",
        "i took three boxes of tablets to my grandma's nursing home",
        "took a whole bottle of advil to school in my backpack",
        "i took a whole bottle of pills to my grandma at the hospital",
        "took a full box of tablets from the school nurse for the field trip first aid kit",
        # a dose in milligrams, not a count
        "i took 10 mg adderall this morning",
        "i took 800 mg advil for my cramps like my doctor said",
        # a usual dose
        "took 5 advil over the day for my migraine",
        "i took like 8 advil over the weekend for my back",
        "i took a ton of advil during my wisdom teeth recovery, doctor said it's fine",
        "i took loads of pills as a kid for my asthma",
        # kinds, not a count
        "took like 6 different antidepressants before one worked",
    ],
)
def test_a_quantity_carried_or_a_usual_dose_is_no_cue(text: str) -> None:
    """Each was a cue: the quantity read with no look at what follows it, a number before
    "mg" as a count, "different" as a word of a drug's name."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i took a ton of photos of the pills for my pharmacology class",
        "took 20 minutes for my meds to kick in",
        "i took way too many gummy vitamins and now my stomach hurts",
        "i took way too many cough drops today lol my throat is so sore",
        "downed a whole bottle of coke",
    ],
)
def test_what_is_no_count_of_a_drug_stays_no_cue(text: str) -> None:
    """The words between a quantity and a drug are no time, kind or vitamin, and a soft drink
    or lozenges are no drug."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("took like 20 advil", "took like 20 advil"),
        ("took way too many pills", "took way too many pills"),
        ("took like 20 advil for my headache", "took like 20 advil"),
        ("took way too many pills over the weekend", "took way too many pills"),
        ("took a whole bottle of tylenol to make it stop", "took a whole bottle of tylenol"),
        (
            "took a whole bottle of pills to the point where i passed out",
            "took a whole bottle of pills",
        ),
        ("took a whole bottle of pills back in 2019", "took a whole bottle of pills"),
    ],
)
def test_too_much_or_a_purpose_stays_a_cue(text: str, words: str) -> None:
    """An ailment makes a usual dose only of a modest quantity, days only of one not too many,
    "to" and "back" a carrying only before a place or a person."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize("drug", ["panadol", "no-doz"])
def test_the_overdose_idiom_and_the_quantity_read_one_list_of_drugs(drug: str) -> None:
    """A drug neither list named ("i took a whole box of panadol after school" was missed) is
    added once and read by both."""
    assert cue_words(f"i took a whole box of {drug}") == [f"took a whole box of {drug}"]
    assert cue_words(f"i overdosed on coffee and {drug}") == ["overdosed"]


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on coffee and took my meds late, whoops",
        "i overdosed on sugar and took a melatonin to fall asleep",
        "i overdosed on coffee and took two tylenol for the headache",
        "i overdosed on candy and had to take an advil",
        "i overdosed on coffee because i ran out of my adderall",
        "i overdosed on coffee because i left my adhd meds at home",
    ],
)
def test_a_usual_dose_beside_the_idiom_leaves_it_an_idiom(text: str) -> None:
    """Each was a real overdose: a dose taken late, one or two of a drug, a dose run out of or
    left at home were not read as clauses of everyday life."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on caffeine on purpose",
        "i overdosed on caffeine because i wanted my heart to stop",
        "i overdosed on coffee again, trying to make my heart give out",
        "overdosed on caffeine, like 3000mg, hoping it would kill me",
    ],
)
def test_an_everyday_thing_overdosed_on_to_harm_is_a_cue(text: str) -> None:
    """Each was the idiom: no drug named, so nothing read what the overdose was meant for."""
    assert cue_words(text) == ["overdosed"]


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on sugar and thought i was going to die lol",
        "overdosed on caffeine, waiting for my heart to stop racing",
        "i overdosed on coffee for finals, hope it works lol",
    ],
)
def test_a_fear_or_a_hope_of_everyday_life_leaves_the_idiom(text: str) -> None:
    """What the overdose was meant for is read only after a wish, an effort or a hope."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "i overdosed on coffee and took three xanax",
        "i overdosed on coffee and took some pills",
        "i overdosed on coffee and took a whole bottle of advil",
    ],
)
def test_more_than_a_usual_dose_beside_the_idiom_is_a_real_overdose(text: str) -> None:
    """One or two of a drug is a usual dose; three, "some pills" or a bottle are not."""
    assert "overdosed" in cue_words(text)


# The third review: real overdoses the everyday readings of "took" set aside.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a count of ten or more, or all of a supply, is never a usual dose
        (
            "i took 40 tylenol when i was 16 and ended up in the icu for a week",
            "took 40 tylenol",
        ),
        ("i took 50 pills as a teenager and still have liver damage", "took 50 pills"),
        ("took all of my pills as a kid after my dad left, i was 13", "took all of my pills"),
        (
            "took all of my antidepressants when i was 15, nobody at school knew",
            "took all of my antidepressants",
        ),
        (
            "took 60 tylenol over the weekend and now my stomach is killing me",
            "took 60 tylenol",
        ),
        ("i took 45 tylenol over two days, couldn't keep food down", "took 45 tylenol"),
        (
            "took 60 tylenol over the course of the day yesterday and now im yellow",
            "took 60 tylenol",
        ),
        ("i took 40 pills during my treatment because i gave up", "took 40 pills"),
        (
            "i took 35 tylenol, the nurse said it's okay to sleep now but i'm scared",
            "took 35 tylenol",
        ),
        (
            "took 30 sleeping pills last week, the er doc said it's fine now but i still feel"
            " empty",
            "took 30 sleeping pills",
        ),
        (
            "i took 40 pills cause my psych bumped my dose and i just snapped",
            "took 40 pills",
        ),
        ("pls help i took 40 pills like the bottle said not to lol", "took 40 pills"),
        (
            "took the whole bottle of my new meds cuz my psych upped them and i wanted it over",
            "took the whole bottle of my new meds",
        ),
        # "along", "back" and "with me" alone carry nothing
        ("i took all my pills along with half a bottle of wine last night", "took all my pills"),
        ("i took 20 xanax along with a bottle of wine", "took 20 xanax"),
        ("took 30 pills back to back and laid down on my bed", "took 30 pills"),
        ("took 30 pills back at home and my sister found me", "took 30 pills"),
        ("my mom found me after i took 30 pills back at my apartment", "took 30 pills"),
        # carried, and swallowed after all
        (
            "i took all my pills to school and swallowed them in the bathroom at lunch",
            "took all my pills",
        ),
        ("i took all my pills with me to the bathroom and took them all", "took all my pills"),
        # a modest quantity and a sign of risk
        ("took a bunch of pills for the pain of losing him", "took a bunch of pills"),
        ("i took a bunch of pills for the pain of living", "took a bunch of pills"),
        (
            "i took a lot of pills for the emotional pain, i just wanted to feel nothing",
            "took a lot of pills",
        ),
        (
            "i took 9 sleeping pills for my back and then kept going until the bottle was empty",
            "took 9 sleeping pills",
        ),
        ("took 5 pills for my pain and then 30 more", "took 5 pills"),
    ],
)
def test_a_large_quantity_or_a_sign_of_risk_is_never_carried_nor_a_usual_dose(
    text: str, words: str
) -> None:
    """Each was no cue: "when I was 16", "as a teen", "along", "back", "to school", "over two
    days", "the nurse said it's okay" and an ailment set any quantity aside, whatever followed."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "i'm going to take all my pills back to back tonight so it works",
            "take all my pills",
        ),
        (
            "tomorrow im gonna take all my meds to school and swallow them in the bathroom",
            "take all my meds",
        ),
        # as it read before the everyday readings: a cue a person reads
        ("i took 20 mg meds this morning as prescribed by my new psych", "took 20 mg meds"),
        ("took 10 tablets over two weeks like the antibiotic course said", "took 10 tablets"),
    ],
)
def test_the_present_and_past_quantity_is_read_as_before_the_everyday_readings(
    text: str, words: str
) -> None:
    """The first two were no cue: the everyday readings of "took" read the older pattern of
    "take all my pills" too; it has no check of the words around it now, as before them."""
    assert cue_words(text) == [words]


@pytest.mark.parametrize(
    "text",
    [
        "I overdosed on caffeine because I forgot to take my meds, so I took all of them at once",
        "overdosed on coffee then took my meds. and then my mom's. and then my brother's.",
    ],
)
def test_all_of_a_supply_after_the_idiom_is_a_real_overdose(text: str) -> None:
    """Each was no cue: the forgotten dose and "took my meds." read as everyday clauses."""
    assert cue_words(text) == ["overdosed"]


@pytest.mark.parametrize(
    "text",
    [
        # at work
        "we took 40 bottles of melatonin off the shelves because of the recall",
        "i took 30 bottles of tylenol to restock the shelf before close",
        "Today I took 20 vials of morphine out of the pyxis for my patients, long shift",
        "i took 15 boxes of drugs to the ward for the new admissions",
        "took like 200 prescriptions over the phone today, my ear hurts",
        # travelling
        "took 3 boxes of insulin pens through customs, no problems at all",
        "I took 2 boxes of advil to Mexico because it's expensive there",
        "we took 4 packs of motion sickness tablets on the ferry",
        "i took 5 packs of panadol in my carry-on for the family",
        # no drug
        "I took 5 visual aids to my presentation and my teacher loved them",
        "drank a whole bottle of maple syrup on a dare lol never again",
        "i took like 6 coffee capsules this morning, i'm so wired",
        "took a whole box of dishwasher tablets from the cupboard",
        "took 5 lithium batteries out of the drone before the flight",
        "we took 6 oxygen tanks out to the ambulance bay",
        # a pet, a small child, an accident
        "my dog swallowed a whole bottle of my ibuprofen, rushed him to the vet",
        "my 2 year old swallowed like 10 of my iron pills, poison control said go to the ER",
        "my grandma took too many of her heart pills by mistake and had to go in for monitoring",
    ],
)
def test_a_quantity_at_work_on_a_trip_of_no_drug_or_by_a_pet_is_no_cue(text: str) -> None:
    """Each was a cue: the carrying places were few, "aids", "syrup", "capsules", "tablets",
    "lithium" and "oxy..." were drugs whatever came before or after them, and nobody's
    swallowing was anyone's but the writer's."""
    assert crisis_cues(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my dog swallowed a whole bottle of my pills and i wish i had too, i want to die",
        "i accidentally took way too many of my pills, called poison control",
        "i took a whole bottle of pills to my room",
    ],
)
def test_a_pet_an_accident_or_a_room_beside_a_sign_of_risk_stays_a_cue(text: str) -> None:
    assert crisis_cues(text) != ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "downed the whole bottle of my sleeping pills",
            "downed the whole bottle of my sleeping pills",
        ),
        ("downed the whole bottle an hour ago and now i'm just waiting", "downed the whole bottle"),
        (
            "downed the whole bottle 20 minutes ago. tell my mom i'm sorry",
            "downed the whole bottle",
        ),
        ("downed the whole bottle tonight with my xanax", "downed the whole bottle"),
    ],
)
def test_a_whole_bottle_downed_is_a_cue(text: str, words: str) -> None:
    assert words in cue_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "downed the whole bottle of water after the run",
        "downed the whole bottle of gatorade after practice",
        "we downed the whole bottle last night, worst hangover of my life",
        "downed the whole bottle of wine with dinner",
    ],
)
def test_a_whole_bottle_of_a_drink_downed_is_no_cue(text: str) -> None:
    assert crisis_cues(text) == ()
