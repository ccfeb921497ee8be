"""Resolving the text's time words to dates: a small, honest rule set, not a language engine.

What it does, given the publication date and the tense of the sentence:

- a weekday ("on Friday", "Wednesday"): news style names a weekday only within about a week of
  publication, so the past tense means the most recent such day (publication day included) and the
  future tense the next one;
- a month ("in December", "in February"): the most recent such month for the past tense, the next
  one for the future, as a whole month;
- "this month", "earlier this month", "later this month";
- "today", "yesterday", "tomorrow";
- open-ended phrases that start at the time of writing ("for now", "in the coming weeks").

What it refuses, with the reason: everything else. That includes phrases that count from another
event ("a day after"), tense alone ("has signaled" says when only as "before now"), weekday or month
words without a past or future tense, and adjectives such as "impending".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
OPEN_FROM_NOW = ("for now", "coming weeks", "coming days", "coming months", "from now on")


@dataclass(frozen=True)
class Resolution:
    earliest: dt.date | None
    latest: dt.date | None
    precision: str  # day | month | range | open
    clue: str  # the reasoning, in a sentence a student could follow


@dataclass(frozen=True)
class Refusal:
    reason: str


def _day(value: dt.date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd: English ordinals, not "2th" or "22th"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _month_words(phrase: str) -> list[str]:
    """Month names in a phrase. "may" counts only as "May", with its capital: "Russia may invade" names no month."""
    found = []
    for month in MONTHS:
        for match in re.finditer(rf"\b{month}\b", phrase, re.IGNORECASE):
            if month != "may" or match.group(0) == "May":
                found.append(month)
                break
    return found


def _weekday(name: str, published: dt.date, tense: str) -> Resolution | Refusal:
    target = WEEKDAYS[name]
    if tense == "past":
        back = (published.weekday() - target) % 7
        day = published - dt.timedelta(days=back)
        how = "the day of publication itself" if back == 0 else f"{back} day{'s' if back > 1 else ''} earlier"
        return Resolution(day, day, "day", f"The past tense rules out a {name.title()} still to come, and news style names "
                                           f"a weekday only within about a week, so it is the most recent {name.title()} "
                                           f"up to publication ({_day(published)}): {how}, {_day(day)}.")
    if tense == "future":
        ahead = (target - published.weekday()) % 7 or 7
        day = published + dt.timedelta(days=ahead)
        return Resolution(day, day, "day", f"Future tense, so the next {name.title()} after {_day(published)}: "
                                           f"{_day(day)}, {ahead} days later.")
    return Refusal(f"a weekday without a past or future tense could point either way ({name.title()})")


def _month(name: str, published: dt.date, tense: str) -> Resolution | Refusal:
    target = MONTHS[name]
    if tense == "past":
        year = published.year if target <= published.month else published.year - 1
        why = "Past tense, so the most recent"
    elif tense == "future":
        year = published.year if target >= published.month else published.year + 1
        why = "Future tense, so the next"
    else:
        return Refusal(f"a month without a past or future tense could point either way ({name.title()})")
    first = dt.date(year, target, 1)
    last = dt.date(year, target, calendar.monthrange(year, target)[1])
    return Resolution(first, last, "month", f"{why} {name.title()} seen from {_day(published)}: {first:%B %Y}, "
                                            "the whole month, since no day is given.")


_MONTH_NAMES = "|".join(name.title() for name in MONTHS)
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES}) (\d{{1,2}})\b(?!,? \d{{4}})")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES}) (\d{{4}})\b")


def _explicit(phrase: str, published: dt.date, tense: str) -> Resolution | Refusal | None:
    """A date written out: "January 26" (a day, its year from the tense) or "July 2020" (a month of that year)."""
    found = _MONTH_YEAR.search(phrase)
    if found:
        month, year = MONTHS[found.group(1).lower()], int(found.group(2))
        first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return Resolution(first, last, "month", f"The month and year are written out: {first:%B %Y}, the whole month.")
    found = _MONTH_DAY.search(phrase)
    if not found:
        return None
    month, day = MONTHS[found.group(1).lower()], int(found.group(2))
    if tense not in ("past", "future"):
        return Refusal(f"a date without a year or a past or future tense could point either way ({found.group(0)})")
    year = published.year
    try:
        candidate = dt.date(year, month, day)
        if tense == "past" and candidate > published:
            candidate = dt.date(year - 1, month, day)
        elif tense == "future" and candidate < published:
            candidate = dt.date(year + 1, month, day)
    except ValueError:
        return Refusal(f"{found.group(0)} is not a real date")
    which = "most recent" if tense == "past" else "next"
    return Resolution(candidate, candidate, "day", f"The day is written out, and the {tense} tense means the {which} "
                                                   f"{found.group(0)} seen from {_day(published)}: {_day(candidate)}.")


def resolve(phrase: str, published: dt.date, tense: str) -> Resolution | Refusal:
    """The dates a time phrase points to, or a :class:`Refusal` saying why no rule applies."""
    explicit = _explicit(phrase, published, tense)
    if explicit is not None:
        return explicit
    words = phrase.lower()
    month_start = published.replace(day=1)
    month_end = published.replace(day=calendar.monthrange(published.year, published.month)[1])
    if "earlier this month" in words:
        if published.day == 1:
            return Refusal("published on the 1st, so 'earlier this month' has no days to point to")
        return Resolution(month_start, published - dt.timedelta(days=1), "range",
                          f"'This month' is {published:%B %Y}, and 'earlier' means before the {ordinal(published.day)}.")
    if "later this month" in words:
        return Resolution(published + dt.timedelta(days=1), month_end, "range",
                          f"'This month' is {published:%B %Y}, and 'later' means after the {ordinal(published.day)}.")
    if "this month" in words:
        return Resolution(month_start, month_end, "month", f"'This month' is {published:%B %Y}.")
    for word, shift in (("yesterday", -1), ("today", 0), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", words):
            day = published + dt.timedelta(days=shift)
            return Resolution(day, day, "day", f"'{word.title()}' counts from the publication day: {_day(day)}.")
    if any(p in words for p in OPEN_FROM_NOW):
        return Resolution(published, None, "open", "It starts at the time of writing and names no end.")
    weekdays = [w for w in WEEKDAYS if re.search(rf"\b{w}\b", words)]
    months = _month_words(phrase)
    if len(weekdays) + len(months) > 1:
        return Refusal("more than one weekday or month in one phrase")
    if weekdays:
        return _weekday(weekdays[0], published, tense)
    if months:
        return _month(months[0], published, tense)
    if re.search(r"\b(after|before|later|earlier)\b", words):
        return Refusal("it counts from another event, not from the publication date")
    return Refusal("no weekday, month or 'this month' to work from: the tense alone gives a direction, not a date")
