"""News-style sentences of our own writing that carry a name, several per category.

Name-error pairs and gazetteer entities are set in these so that a corrector sees a name in
running text (with the context a reporter would give) rather than a bare word. The same
sentence with the name spelled right is clean text: any change to it is a false fix.
"""

from __future__ import annotations

import random

__all__ = ["TEMPLATES", "category_of", "sentences"]

TEMPLATES: dict[str, tuple[str, ...]] = {
    "person": (
        "{name} told reporters on Tuesday that the talks would continue next week.",
        "In a statement released late on Friday, {name} said the decision was final.",
        "Officials close to {name} declined to comment on the report.",
        "The committee invited {name} to testify about the budget in March.",
        "Asked about the delay, {name} said the company remained on track.",
        "A spokesperson confirmed that {name} would attend the summit in Geneva.",
    ),
    # News introduces people by their office, then calls them by surname: the title is the
    # entity's own role from the gazetteer, the surname the one it would be called by.
    "person_titled": (
        "{title} {name} told reporters on Tuesday that the talks would continue next week.",
        "In a statement released late on Friday, {title} {name} said the decision was final.",
        "{title} {name} arrived in Brussels on Monday. {surname} said the talks had been useful.",
        "Aides to {title} {name} confirmed the visit. {surname} is expected to speak on Thursday.",
    ),
    "place": (
        "Flooding closed several roads in {name} on Monday morning.",
        "The delegation arrived in {name} late on Sunday for two days of talks.",
        "Prices in {name} rose faster than expected last year, the report said.",
        "Thousands of people gathered in central {name} to watch the parade.",
        "The airline said it would resume flights to {name} in the spring.",
        "Officials in {name} said the new bridge would open by the end of the year.",
    ),
    "org": (
        "A spokesperson for {name} said the report was under review.",
        "{name} announced its quarterly results on Thursday.",
        "Shares of {name} fell sharply after the announcement.",
        "The agreement was signed by representatives of {name} in Brussels.",
        "Analysts expect {name} to raise its forecast later this month.",
        "The investigation into {name} is expected to last several months.",
    ),
    "demonym": (
        "{name} officials rejected the proposal on Wednesday.",
        "The {name} delegation left the meeting early, according to diplomats.",
        "Critics said the plan ignored {name} concerns about the border.",
        "The festival celebrates {name} music, food and literature.",
        "A {name} court ruled on the case last week.",
    ),
    "demonym_plural": (
        "Many {name} took part in the march on Saturday.",
        "The survey asked {name} about their plans for the coming year.",
        "Community leaders said {name} had long been left out of the debate.",
        "Historians say {name} played a large part in the city's growth.",
    ),
    "other": (
        "The exhibition on {name} opened at the city museum this week.",
        "Scholars still disagree about how {name} should be understood.",
        "The lecture traced the history of {name} through the centuries.",
        "Her new book returns to {name} as its central theme.",
    ),
}


def category_of(category: str, name: str) -> str:
    """The template category for a name-error category ("other-proper" -> "other").

    Demonyms ending in "s" are taken as plural nouns ("Zionists"), the rest as adjectives.
    """
    if category == "demonym":
        return "demonym_plural" if name.endswith("s") and not name.endswith("ss") else "demonym"
    if category in TEMPLATES:
        return category
    return "other"


def sentences(category: str, name: str, rng: random.Random, count: int) -> list[str]:
    """`count` different templates of the category (seeded choice), not yet filled."""
    choices = TEMPLATES[category_of(category, name)]
    return rng.sample(choices, min(count, len(choices)))
