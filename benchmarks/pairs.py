"""Synthetic (seeker, response) pairs for benchmarks, made from small hand-written pools.

Every sentence below was written for this project; nothing comes from ``shared/data`` or any
real conversation, so benchmark inputs can be printed, committed and shared freely. A seeded
:class:`random.Random` draws 1-6 distinct sentences per message (weighted towards 3-5, which
gives the 30-80 words typical of forum posts), so the same ``(n, seed)`` always yields the
same pairs on every machine and Python version.

Use from another benchmark script in this folder::

    from pairs import make_pairs, describe
    pairs = make_pairs(1000, seed=0)
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence

SEEKER_SENTENCES: tuple[str, ...] = (
    "I have been feeling really low for the past few weeks and I can't seem to shake it.",
    "My final exams start on Monday and I haven't been able to study at all.",
    "Every time I try to talk to my family about it they just change the subject.",
    "I moved to a new city for work and I don't know anyone here yet.",
    "Lately I wake up at four in the morning and can't fall back asleep.",
    "My best friend stopped answering my messages and I don't know what I did wrong.",
    "I got turned down for another job today, that's the sixth one this month.",
    "Some days I feel fine, and then out of nowhere everything feels heavy again.",
    "I keep telling myself it's not a big deal, but it clearly bothers me.",
    "My partner and I have been arguing about money almost every night.",
    "I used to love painting but I haven't picked up a brush in months.",
    "Work has been nonstop and I feel like I am running on empty.",
    "I don't really have anyone to talk to, so I thought I would post here.",
    "My dog passed away last week and the house feels so quiet now.",
    "I'm scared that if I tell my manager how I feel, I'll lose my job.",
    "Does anyone else feel tired all the time even after a full night's sleep?",
    "I finally went to see a counsellor, but I froze and barely said anything.",
    "Social events make me so anxious that I cancel plans at the last minute.",
    "I feel like I'm letting everyone down, including myself.",
    "It's been a year since the breakup and I still think about it every day.",
    "I'm not sure why I'm writing this, I just needed to get it out.",
    "My grades have dropped and my parents are disappointed in me.",
    "Everyone around me seems to have their life figured out except me.",
    "I tried going for walks like people suggested, but it only helps a little.",
    "Is it normal to feel this overwhelmed by small things?",
    "I had a panic attack on the bus yesterday and I'm afraid it will happen again.",
    "My roommate is moving out and I can't afford the rent on my own.",
    "Honestly I just want one week where nothing goes wrong.",
)

RESPONSE_SENTENCES: tuple[str, ...] = (
    "That sounds really exhausting, and I'm sorry you're going through it.",
    "It makes sense that you feel this way after everything that has happened.",
    "What do you think has been the hardest part of it for you?",
    "I went through something similar last year, so I understand how isolating it can feel.",
    "Have you been able to talk to anyone close to you about this?",
    "You're not alone in this, a lot of people here have felt the same.",
    "It sounds like you've been carrying a lot on your own for a while.",
    "I'm really glad you decided to post here.",
    "Maybe try breaking the work into small pieces and doing just one today.",
    "How long have you been feeling like this?",
    "That must have been so frustrating to hear after all your effort.",
    "Hang in there, things will get better.",
    "It's okay to take a break and be kind to yourself.",
    "I can hear how much you care about getting this right.",
    "When I was in a similar spot, writing things down every evening helped me a bit.",
    "Losing a pet is losing a member of the family, and grief like that takes time.",
    "What would help you feel a little more supported this week?",
    "I feel sad reading this, you deserve people who listen to you.",
    "It sounds like you're worried about how others will react if you open up.",
    "Have you thought about telling your counsellor that talking is hard for you?",
    "Sending you a virtual hug.",
    "You clearly have been trying hard, even if it doesn't feel like it right now.",
    "Is there anything that used to help when you felt like this before?",
    "That is a lot to deal with at once.",
    "Getting rejected so many times would wear anyone down.",
    "I understand, moving somewhere new can be really lonely at first.",
    "Do you have a local group or club where you could meet people with similar interests?",
    "Please be gentle with yourself, you're doing the best you can.",
)

#: Sentences per message (1-6) and their weights; the mean is about 4 sentences (~50 words).
SENTENCE_COUNTS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
SENTENCE_WEIGHTS: tuple[float, ...] = (0.05, 0.10, 0.20, 0.25, 0.22, 0.18)


def _message(rng: random.Random, pool: Sequence[str]) -> str:
    (k,) = rng.choices(SENTENCE_COUNTS, weights=SENTENCE_WEIGHTS)
    return " ".join(rng.sample(pool, k))


def make_pairs(n: int, *, seed: int = 0) -> list[tuple[str, str]]:
    """Return ``n`` deterministic ``(seeker, response)`` pairs for the given ``seed``."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    rng = random.Random(seed)
    return [(_message(rng, SEEKER_SENTENCES), _message(rng, RESPONSE_SENTENCES)) for _ in range(n)]


def describe(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Word-count summary (mean, median, min, max) of the seeker and response sides."""
    out: dict[str, dict[str, float]] = {}
    for side, idx in (("seeker_words", 0), ("response_words", 1)):
        counts = [len(p[idx].split()) for p in pairs] or [0]
        out[side] = {
            "mean": round(statistics.fmean(counts), 1),
            "median": float(statistics.median(counts)),
            "min": float(min(counts)),
            "max": float(max(counts)),
        }
    return out


if __name__ == "__main__":
    sample = make_pairs(1000)
    print(describe(sample))
    for seeker, response in sample[:3]:
        print(f"SEEKER:   {seeker}\nRESPONSE: {response}\n")
