"""The ordered attribution sieves: small named rules, most precise first; the first that answers wins.

Each sieve takes a `QuoteContext` and returns an `Attribution` or None. Its docstring holds one
sentence it is for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.extract.cues import Cue, late_cue, leading_cue, trailing_cue
from app.extract.discourse import FINITE_VERB_AFTER, Discourse
from app.extract.entities import Entity, name_mentions
from app.extract.frames import Mention
from app.extract.lexicon import CUE, CUE_PATTERN, SPEECH_NOUNS
from app.extract.marks import QuoteSpan
from app.extract.sentences import Sentence

BARE_OPENING = re.compile(r"[\s,;:—–\-(]*")
# A quote signed on the next line by a dash and a name: `“...”` then `— Dana Ruiz, at the pier.`
SIGNATURE_OPENING = re.compile(r"[ \t.,]*\n\s*[-–—]\s?(?=[A-Z])")
SIGNATURE_NAME_END = re.compile(r"[.,]|\s*$", re.MULTILINE)
# After a possessive name, what it said: "Ruiz’s " "bold new pledge", "Lee’s " "Facebook post".
SPEECH_NOUN_AFTER = re.compile(r"(?:\s+[\w\-]+){0,2}?\s+(?:" + "|".join(sorted(SPEECH_NOUNS)) + r")\b")
# From that noun to the quote it introduces: " to keep the pier ", " that the vote was ", ": "; never " as ",
# which brings the judge's own words: in `Lee dismissed Ruiz’s pledge as “empty”` they are Lee's.
SPEECH_TO_QUOTE = re.compile(r"(?:\s+(?:that|to|of|about|against|on|for|at|in|with)\b[^.;!?“”\"]{0,100})?[\s,:—–\-]*")
OWNED_SPEECH_REACH = 160
# A passive cue right before a quote, its agent after it: `was called “...” by Ruiz`, `is described as a “...”`.
PASSIVE_CUE_BEFORE = re.compile(
    r"\b(?:is|was|were|are|been|being|be)\s+(?:[a-z]+ly\s+)?" + CUE_PATTERN + r"(?:\s+as)?(?:\s+(?:a|an|the))?\s*$"
)
AGENT_AFTER = re.compile(r"[\s,]*by\s+")
# A sentence opening on a subordinate clause: "While Ruiz ...", "And when Ruiz ...".
# A later clause of the sentence opening on its own subject: " while Lee ", " and Lee " (the capital follows).
CLAUSE_OPENING = re.compile(
    r"\b(?:while|whereas|but|and|although|though|because|after|when|since|until|before|if)\s+"
    r"(?=[A-Z])"
)
REPORTED_CLAUSE_REACH = 300  # how far before a quote a cue still makes its clause reported speech
QUOTE_CLOSING_GAP = re.compile(r"[\s,;:—–\-]*")  # from a closing mark to the next clause: `"...," Lee`
OPENING_SUBORDINATOR = re.compile(
    r"[\s“\"‘']*(?:(?:And|But|Yet)\s+)?(?:While|When|As|After|Although|Though|Before|"
    r"If|Because|Since|Once|Until|Whereas|while|when|as|after|although|though|before|"
    r"if|because|since|once|until|whereas)\s+"
)


# Sieves that read a written cue: their speaker becomes the subject of the sentence for what follows.
CUE_SIEVES = frozenset(
    {
        "trailing_named_cue",
        "appositive_speaker",
        "relative_clause_speaker",
        "colon_introduction",
        "according_to",
        "reported_speech_partial",
        "late_trailing_cue",
        "pronoun_speaker",
        "descriptive_speaker",
        "colon_paragraph",
    }
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The outcome of the sieve that answered for one quote."""

    sieve: str
    confidence: float
    cue: str | None = None
    mention: Mention | None = None
    entity: Entity | None = None
    anonymous: bool = False  # an unnamed source: "a senior official"


class QuoteContext:
    """One quote with the words around it and the discourse so far; cue lookups are computed once."""

    __slots__ = (
        "text",
        "span",
        "sentence",
        "before_lo",
        "after_hi",
        "discourse",
        "subject",
        "subject_at",
        "previous",
        "_trailing",
        "_leading",
    )

    def __init__(
        self,
        text: str,
        span: QuoteSpan,
        sentence: Sentence,
        before_lo: int,
        after_hi: int,
        discourse: Discourse,
        subject: Entity | None,
        subject_at: int,
        previous: tuple[QuoteSpan, Attribution] | None,
    ) -> None:
        self.text, self.span, self.sentence = text, span, sentence
        self.before_lo, self.after_hi = before_lo, after_hi
        self.discourse, self.subject, self.subject_at, self.previous = discourse, subject, subject_at, previous
        self._trailing: Cue | None | bool = False
        self._leading: Cue | None | bool = False

    def trailing(self) -> Cue | None:
        if self._trailing is False:
            self._trailing = self._trailing_cue() if self.span.closed else None
        return self._trailing

    def _trailing_cue(self) -> Cue | None:
        found = trailing_cue(self.text, self.span.after(), self.after_hi)
        if found is None and self.after_hi < self.sentence.end:
            # `“...,” Tom Lee, wearing a “Vote Lee” pin, said`: the next quote sits inside the attribution
            beyond = trailing_cue(self.text, self.span.after(), self.sentence.end)
            if beyond is not None and beyond.mention.end <= self.after_hi:
                return beyond
        return found

    def leading(self) -> Cue | None:
        if self._leading is False:
            self._leading = leading_cue(self.text, self.before_lo, self.span.open_mark)
        return self._leading

    def cues(self) -> list[Cue]:
        return [c for c in (self.trailing(), self.leading()) if c is not None and c.mention is not None]

    def opens_sentence(self) -> bool:
        if self.before_lo > self.span.open_mark:
            return False  # a quote nested in the one before it opens nothing
        return BARE_OPENING.match(self.text, self.before_lo, self.span.open_mark).end() == self.span.open_mark

    def resolve(self, mention: Mention) -> Entity | None:
        paragraph = self.sentence.paragraph
        if mention.form == "name":
            return self.discourse.entity_for_name(mention.name)
        if mention.form == "pronoun":
            first = self.subject if self.subject_at < mention.start else None
            return self.discourse.resolve_pronoun(mention.text, paragraph, first)
        return self.discourse.resolve_description(mention.text, paragraph)


def _named(context: QuoteContext, found: Cue | None, sieve: str, confidence: float) -> Attribution | None:
    if found is None or found.mention.form != "name":
        return None
    entity = context.resolve(found.mention)
    if entity is not None and entity.kind == "person":
        entity.personal = True  # it speaks
    return Attribution(sieve, confidence, found.cue, found.mention, entity)


def trailing_named_cue(context: QuoteContext) -> Attribution | None:
    """“We will rebuild the bridge by spring,” Mayor Dana Ruiz said on Monday."""
    found = context.trailing()
    if found and found.cue != "according to" and not (found.mention.appositive or found.mention.relative):
        return _named(context, found, "trailing_named_cue", 0.95)
    return None


def appositive_speaker(context: QuoteContext) -> Attribution | None:
    """“The vote was fair,” Dana Ruiz, the mayor of Port Alder, said."""
    for found in context.cues():
        if found.mention.appositive:
            return _named(context, found, "appositive_speaker", 0.9)
    return None


def relative_clause_speaker(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz, who chaired the hearing, said the plan was “dead on arrival.”"""
    for found in context.cues():
        if found.mention.relative:
            return _named(context, found, "relative_clause_speaker", 0.9)
    return None


def colon_introduction(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz told reporters: “The bridge will open in May.”"""
    found = context.leading()
    if found and found.mention and found.location == "introduction":
        return _named(context, found, "colon_introduction", 0.9)
    return None


def according_to(context: QuoteContext) -> Attribution | None:
    """The bridge “will open in May,” according to Dana Ruiz."""
    for found in context.cues():
        if found.cue == "according to":
            return _named(context, found, "according_to", 0.85)
    return None


def passive_agent(context: QuoteContext) -> Attribution | None:
    """The plan has been called “a fantasy” by Dana Ruiz, the mayor."""
    if not context.span.closed:
        return None
    agent = AGENT_AFTER.match(context.text, context.span.after(), context.after_hi)
    if agent is None:
        return None
    open_mark = context.span.open_mark
    if PASSIVE_CUE_BEFORE.search(context.text, max(context.before_lo, open_mark - 60), open_mark) is None:
        return None
    names = name_mentions(context.text, agent.end(), min(context.after_hi, agent.end() + 80))
    if not names or names[0].start != agent.end() or names[0].possessive:
        return None
    name = names[0]
    mention = Mention(name.start, name.end, context.text[name.start : name.end], "name", name)
    return Attribution("passive_agent", 0.8, None, mention, context.discourse.entity_for_name(name))


def reported_speech_partial(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz dismissed the rival plan as “a fantasy.”"""
    found = context.leading()
    if found and found.mention and found.location == "reported":
        return _named(context, found, "reported_speech_partial", 0.85)
    return None


def earlier_in_sentence(context: QuoteContext) -> Attribution | None:
    """Vice Mayor Tom Lee, Dana Ruiz said, had “no plan” and “no money.”"""
    if context.previous is None or context.leading() is not None:
        return None  # a cue of its own, even a participle's ("..., saying"), names another clause's speaker
    span, earlier = context.previous
    if span.open_mark < context.sentence.start or earlier.sieve not in CUE_SIEVES or earlier.entity is None:
        return None
    return Attribution("earlier_in_sentence", 0.6, earlier.cue, earlier.mention, earlier.entity)


def opening_clause_subject(context: QuoteContext) -> Attribution | None:
    """While Dana Ruiz, the mayor, stood by her “bridges first” plan, Tom Lee walked out."""
    if context.subject is None or context.subject_at <= context.span.open_mark:
        return None  # the main clause, and its subject, come after the quote
    opening = OPENING_SUBORDINATOR.match(context.text, context.sentence.start, context.span.open_mark)
    if opening is None:
        return None
    clause_subject = context.discourse.clause_subject(context.text, opening.end(), context.span.open_mark)
    if clause_subject is None or clause_subject is context.subject:
        return None
    return Attribution("opening_clause_subject", 0.5, None, None, clause_subject)


def cue_in_subject_clause(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz paused for a moment and said that, in her view, “the vote was rigged.”"""
    found = context.leading()
    if found is None or found.mention is not None:
        return None
    if context.subject is not None and context.subject_at < context.span.open_mark:
        return Attribution("cue_in_subject_clause", 0.6, found.cue, None, context.subject)
    if context.previous is not None:  # `A spokesman for X said “...” and urged both sides to “...”`
        span, earlier = context.previous
        if span.open_mark >= context.sentence.start and earlier.entity is not None:
            return Attribution("cue_in_subject_clause", 0.6, found.cue, earlier.mention, earlier.entity)
    return None


def late_trailing_cue(context: QuoteContext) -> Attribution | None:
    """“The count was close,” as recounts go, said Dana Ruiz, the county clerk."""
    if not context.span.closed:
        return None
    found = late_cue(context.text, context.span.after(), context.after_hi)
    if found is not None:
        return _named(context, found, "late_trailing_cue", 0.7)
    return None


def pronoun_speaker(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz spoke first. “We are not done,” she said."""
    for found in context.cues():
        if found.mention.form == "pronoun":
            entity = context.resolve(found.mention)
            if entity is not None:
                return Attribution("pronoun_speaker", 0.8, found.cue, found.mention, entity)
    return None


def descriptive_speaker(context: QuoteContext) -> Attribution | None:
    """“We need more trucks,” the mayor said. / “Talks have stalled,” a senior official said."""
    for found in context.cues():
        if found.mention.form in ("description", "group"):
            entity = context.resolve(found.mention)
            return Attribution(
                "descriptive_speaker",
                0.75 if entity else 0.7,
                found.cue,
                found.mention,
                entity,
                anonymous=entity is None,
            )
    return None


def signed_quote(context: QuoteContext) -> Attribution | None:
    """“The pier stays open.”\n\n— Dana Ruiz, harbor master."""
    if not context.span.closed:
        return None
    opening = SIGNATURE_OPENING.match(context.text, context.span.after())
    if opening is None:
        return None
    names = name_mentions(context.text, opening.end(), min(len(context.text), opening.end() + 80))
    if not names or names[0].start != opening.end() or names[0].possessive:
        return None
    name = names[0]
    if not SIGNATURE_NAME_END.match(context.text, name.end):
        return None  # "— Lee won the vote" is a sentence, not a signature
    mention = Mention(name.start, name.end, context.text[name.start : name.end], "name", name)
    return Attribution("signed_quote", 0.85, None, mention, context.discourse.entity_for_name(name))


def colon_paragraph(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz read out the verdict:\n\n“The council finds the contract void.”"""
    if not context.opens_sentence():
        return None
    window = context.text[max(0, context.span.open_mark - 200) : context.span.open_mark]
    before = window.rstrip()
    if not before.endswith(":") or "\n" not in window[len(before) :]:
        return None
    entity = context.discourse.latest(context.span.paragraph - 1)
    return Attribution("colon_paragraph", 0.7, None, None, entity) if entity is not None else None


def owned_words(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz’s pledge to keep the pier “open all year” won the vote."""
    open_mark = context.span.open_mark
    names = context.discourse.names_between(max(context.before_lo, open_mark - OWNED_SPEECH_REACH), open_mark)
    owner = next((n for n in reversed(names) if n.possessive), None)
    if owner is None:
        return None
    if not context.text[owner.end : open_mark].strip():  # `Ruiz’s “bridges first” slogan`
        owns = context.span.closed and SPEECH_NOUN_AFTER.match(context.text, context.span.after()) is not None
    else:
        noun = SPEECH_NOUN_AFTER.match(context.text, owner.end, open_mark)
        owns = (
            noun is not None
            and SPEECH_TO_QUOTE.fullmatch(context.text, noun.end(), open_mark) is not None
            and CUE.search(context.text, noun.end(), open_mark) is None
        )
    if not owns:
        return None
    mention = Mention(owner.start, owner.end, context.text[owner.start : owner.end], "name", owner)
    return Attribution("owned_words", 0.55, None, mention, context.discourse.entity_for_name(owner))


def later_clause_subject(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz refers to the pier as “a wreck,” while Tom Lee refers to it as “a landmark.”"""
    openings = list(
        CLAUSE_OPENING.finditer(context.text, max(context.before_lo, context.sentence.start), context.span.open_mark)
    )
    if openings:
        clause_start = openings[-1].end()
    elif context.before_lo > context.sentence.start:  # `..., calling it "a farce," Lee urged ...`
        clause_start = QUOTE_CLOSING_GAP.match(context.text, context.before_lo, context.span.open_mark).end()
    else:
        return None
    names = context.discourse.names_between(clause_start, context.span.open_mark)
    if len(names) != 1 or names[0].start != clause_start or names[0].possessive:
        return None  # no name opens the clause, or another is named before the quote: "..., West landed"
    if FINITE_VERB_AFTER.match(context.text, names[0].end) is None:
        return None
    reach = max(context.sentence.start, context.span.open_mark - REPORTED_CLAUSE_REACH)
    if CUE.search(context.text, reach, context.span.open_mark) is not None:
        return None  # `Lee said that Ruiz ...`: the clause is what the cue reports
    entity = context.discourse.entity_for_name(names[0])
    if entity is context.subject or not (entity.kind == "organization" or entity.personal):
        return None  # the sentence's own subject: the next sieves say as much
    mention = Mention(names[0].start, names[0].end, context.text[names[0].start : names[0].end], "name", names[0])
    return Attribution("later_clause_subject", 0.45, None, mention, entity)


def continuation(context: QuoteContext) -> Attribution | None:
    """“We are ready,” Ruiz said. “The crews start on Monday.”"""
    if context.previous is None:
        return None
    span, earlier = context.previous
    if earlier.entity is None and not earlier.anonymous:
        return None
    latest = context.discourse.latest_subject()
    if latest is not None and latest is not earlier.entity:
        return None  # the narration has moved on to someone else
    subject = context.subject
    if (
        subject is not None
        and subject.personal
        and subject is not earlier.entity
        and context.subject_at < context.span.open_mark
    ):
        return None  # `Lee fixates on the “pivot” line`: this sentence is about another person
    same_paragraph = span.paragraph == context.span.paragraph
    runs_on = not span.closed and span.paragraph == context.span.paragraph - 1
    next_paragraph = span.paragraph == context.span.paragraph - 1 and context.opens_sentence()
    if same_paragraph or runs_on or next_paragraph:
        return Attribution(
            "continuation",
            0.75 if same_paragraph or runs_on else 0.6,
            earlier.cue,
            earlier.mention,
            earlier.entity,
            earlier.anonymous,
        )
    return None


def sentence_subject(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz toured the site, where crews were “working around the clock.”"""
    if context.subject is not None and context.subject_at < context.span.open_mark:
        return Attribution("sentence_subject", 0.4, None, None, context.subject)
    return None


def paragraph_subject(context: QuoteContext) -> Attribution | None:
    """Dana Ruiz toured the flooded street. “Nobody should live like this.”"""
    entity = context.discourse.latest(context.span.paragraph - 1)
    if entity is not None:
        return Attribution("paragraph_subject", 0.3, None, None, entity)
    return None


SIEVES: list[Callable[[QuoteContext], Attribution | None]] = [
    trailing_named_cue,
    appositive_speaker,
    relative_clause_speaker,
    colon_introduction,
    according_to,
    passive_agent,
    reported_speech_partial,
    late_trailing_cue,
    pronoun_speaker,
    descriptive_speaker,
    earlier_in_sentence,
    opening_clause_subject,
    cue_in_subject_clause,
    signed_quote,
    colon_paragraph,
    owned_words,
    later_clause_subject,
    continuation,
    sentence_subject,
    paragraph_subject,
]
UNATTRIBUTED = Attribution("none", 0.0)


def attribute(context: QuoteContext) -> Attribution:
    for sieve in SIEVES:
        found = sieve(context)
        if found is not None:
            return found
    return UNATTRIBUTED
