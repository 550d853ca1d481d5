"""The extraction pipeline: page layout blanked, spans, then the ordered attribution sieves, then dates,
topics and subjects."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from datetime import date

from app.extract.cues import closing_cue
from app.extract.dates import said_on_in_paragraph
from app.extract.descriptions import learn_descriptions, resolve_elder_and_younger
from app.extract.discourse import Discourse
from app.extract.entities import EntityRegistry, NameMention, name_mentions
from app.extract.genders import learn_genders, mark_described_people
from app.extract.layout import blank_layout, qa_lines
from app.extract.lexicon import CUE
from app.extract.marks import QuoteSpan, find_quote_spans, paragraphs
from app.extract.records import Quote, Speaker
from app.extract.sentences import Sentence, split_sentences
from app.extract.sieves import CUE_SIEVES as CUE_SIEVES_FOR_SALIENCE
from app.extract.sieves import Attribution, QuoteContext, attribute
from app.extract.subjects import ArticleSubjects, Taxonomy
from app.extract.topics import quote_topics

# Attributions that are only a guess; the next quote's cue may do better (see _look_ahead).
FALLBACK_SIEVES = frozenset({"paragraph_subject", "none"})
HEADLINE_MAX_CHARS = 250
DATING_REACH_SENTENCES = 5  # how far back in its paragraph an attribution's day still dates a quote
MAX_CONTEXT_CHARS = 600  # a run-on sentence gives each quote a window of it as context
FULL_QUOTE_CLOSE = re.compile(r"[,.!?][”\"’']")  # `,”` closes an attributed full quote: no headline
NON_WORD = re.compile(r"\W+")  # titles and first lines compare without their punctuation
LOWERCASE_WORD = re.compile(r"\b[a-z][a-z’'\-]+\b")  # "besides" written lower case: "Besides" is no name
# Guesses that yield only to a cue later in their own sentence: `... “a mess” and “a farce,” Ruiz said.`
SENTENCE_GUESS_SIEVES = frozenset({"owned_words", "sentence_subject", "continuation"})
GUESS_SIEVES = FALLBACK_SIEVES | SENTENCE_GUESS_SIEVES | {"continuation"}  # no cue of the quote's own


def _free_mentions(text: str, spans: list[QuoteSpan]) -> list[NameMention]:
    """Every name written outside quotes, in order; names inside a quote are never speakers."""
    starts = [s.start for s in spans]
    free = []
    for mention in name_mentions(text, 0, len(text)):
        inside = bisect_right(starts, mention.start) - 1
        if inside < 0 or mention.start >= spans[inside].end:
            free.append(mention)
    return free


def _attribute_all(
    article: str, text: str, spans: list[QuoteSpan], sentences: list[Sentence], people: set[str]
) -> list[tuple[QuoteSpan, Sentence, Attribution]]:
    """Attribute every span of `text` (the article with page layout blanked; `article` is as written);
    `people` receives the case-folded words of the names of the article's people (for key
    terms, which leave them out)."""
    free = _free_mentions(text, spans)
    lowercase_words = set(LOWERCASE_WORD.findall(text))
    registry = EntityRegistry(lowercase_words)
    for mention in free:
        registry.add(mention)
    learn_genders(text, sentences, free, registry, spans)
    mark_described_people(text, free, registry)
    learn_descriptions(text, free, registry)
    resolve_elder_and_younger(text, free, registry)
    people.update(
        word.casefold()
        for entity in registry.entities()
        if entity.kind == "person" and entity.personal
        for alias in entity.aliases
        for word in alias.split()
    )
    discourse = Discourse(registry, free, lowercase_words)
    discourse.read_byline(article)
    results: list[tuple[QuoteSpan, Sentence, Attribution]] = []
    previous: tuple[QuoteSpan, Attribution] | None = None
    index = 0
    for sentence in sentences:
        own: list[QuoteSpan] = []
        while index < len(spans) and spans[index].open_mark < sentence.end:
            own.append(spans[index])
            index += 1
        subject, subject_at, others = discourse.read_sentence(text, sentence.start, sentence.end, sentence.paragraph)
        if not own:
            closing = closing_cue(text, sentence.start, sentence.end)
            if closing is not None:  # `The ferry will run again, Tom Lee says.`: Lee is who the sentence is about
                subject = discourse.entity_for_name(closing.mention.name)
        speaker_of_sentence = None
        for position, span in enumerate(own):
            before_lo = own[position - 1].after() if position else sentence.start
            after_hi = own[position + 1].open_mark if position + 1 < len(own) else sentence.end
            context = QuoteContext(text, span, sentence, before_lo, after_hi, discourse, subject, subject_at, previous)
            attribution = attribute(context)
            results.append((span, sentence, attribution))
            if attribution.entity is not None or attribution.anonymous:
                previous = (span, attribution)
            if speaker_of_sentence is None and attribution.sieve in CUE_SIEVES_FOR_SALIENCE:
                speaker_of_sentence = attribution.entity
        discourse.note(sentence.paragraph, [speaker_of_sentence or subject] + others)
    return _look_ahead(results)


def _look_ahead(
    results: list[tuple[QuoteSpan, Sentence, Attribution]],
) -> list[tuple[QuoteSpan, Sentence, Attribution]]:
    """A quote only guessed by a fallback takes the speaker of the next quote of its paragraph when
    that one names its speaker with a cue: `“We are broke.” Then: “Nobody listens,” Ruiz said.`"""
    for index in range(len(results) - 2, -1, -1):
        span, sentence, attribution = results[index]
        following_span, _, following = results[index + 1]
        cue_closes_sentence = (
            results[index + 1][1] == sentence
            and following.mention is not None
            and following.mention.start > following_span.end
        )
        guessed = attribution.sieve in FALLBACK_SIEVES or (
            attribution.sieve in SENTENCE_GUESS_SIEVES and cue_closes_sentence
        )
        if (
            guessed
            and following.sieve in CUE_SIEVES_FOR_SALIENCE
            and following_span.paragraph == span.paragraph
            and following.entity is not None
        ):
            results[index] = (
                span,
                sentence,
                Attribution("following_quote", 0.5, following.cue, following.mention, following.entity),
            )
    return results


def _interview_turns(
    text: str, results: list[tuple[QuoteSpan, Sentence, Attribution]], turns: list[tuple[int, int, bool]]
) -> list[tuple[QuoteSpan, Sentence, Attribution]]:
    """Quotes in a Q&A section with no reporting cue in their sentence: in an answer they are the
    interviewee's own words (`A: We reopen in “a month or two”.`), the interviewee being the speaker
    the article quotes most; in a question a guess is dropped, as the interviewer relays them."""
    speakers = {id(a.entity): a.entity for _, _, a in results if a.sieve in CUE_SIEVES_FOR_SALIENCE and a.entity}
    quoted = Counter(id(a.entity) for _, _, a in results if id(a.entity) in speakers)
    interviewee = speakers[quoted.most_common(1)[0][0]] if quoted else None
    starts = [start for start, _, _ in turns]
    for index, (span, sentence, attribution) in enumerate(results):
        turn = bisect_right(starts, span.open_mark) - 1
        if turn < 0 or span.open_mark >= turns[turn][1] or attribution.sieve not in GUESS_SIEVES:
            continue
        if CUE.search(text, sentence.start, span.open_mark) or CUE.search(text, span.after(), sentence.end):
            continue
        if turns[turn][2] and interviewee is not None:
            results[index] = (span, sentence, Attribution("interview_answer", 0.6, None, None, interviewee))
        elif not turns[turn][2]:
            results[index] = (span, sentence, Attribution("interview_question", 0.0))
    return results


def _speaker(attribution: Attribution) -> Speaker | None:
    mention = attribution.mention
    written = (mention.text, mention.start, mention.end) if mention else (None, None, None)
    entity = attribution.entity
    if entity is not None:
        return Speaker(entity.name, entity.kind, *written, title=entity.title)
    if attribution.anonymous and mention is not None:
        kind = "group" if mention.form == "group" else "anonymous"
        return Speaker(None, kind, *written)
    return None


def _kind(text: str, span: QuoteSpan, sentence: Sentence, attribution: Attribution) -> str:
    if attribution.sieve == "continuation":
        return "continuation"
    before = text[max(sentence.start, span.open_mark - MAX_CONTEXT_CHARS) : span.open_mark].strip(" \t,;:—–-(")
    return "partial" if any(c.isalpha() for c in before) else "full"


def _headline_end(text: str, title: str | None) -> int:
    """Where a leading headline line ends (0 if none). Its quotes restate the body's, so they are
    left out, as annotators leave them out or mark them optional. The first line is a headline
    when it is the given title; with no title given, when it is short, unpunctuated at its end
    and holds no attributed full quote (`,”`)."""
    found = paragraphs(text[: HEADLINE_MAX_CHARS * 2])
    if len(found) < 2:
        return 0
    first = text[found[0][0] : found[0][1]].strip()
    if title:
        return found[0][1] if _comparable(title) == _comparable(first) else 0
    if len(first) <= HEADLINE_MAX_CHARS and not FULL_QUOTE_CLOSE.search(first) and first[-1] not in ".!?":
        return found[0][1]
    return 0


def _comparable(line: str) -> str:
    return " ".join(NON_WORD.split(line.lower())).strip()


def _frame(text: str, sentence: Sentence, spans: list[QuoteSpan]) -> str:
    """The sentence with every quotation in it blanked out, so dates inside quotes never count."""
    pieces = []
    done = sentence.start
    for span in spans:
        start, end = max(span.start, done), min(span.end, sentence.end)
        if start < end:
            pieces += [text[done:start], " " * (end - start)]
            done = end
    pieces.append(text[done : sentence.end])
    return "".join(pieces)


def _context(span: QuoteSpan, sentence: Sentence) -> tuple[int, int]:
    """The sentence around a quote; for a run-on sentence, a fixed window of it holding the quote
    (windows are aligned, so the quotes of one window share their context)."""
    if sentence.end - sentence.start <= MAX_CONTEXT_CHARS:
        return sentence.start, sentence.end
    half = MAX_CONTEXT_CHARS // 2
    start = sentence.start + (span.open_mark - sentence.start) // half * half
    return start, min(sentence.end, max(span.end, start + MAX_CONTEXT_CHARS))


def extract_quotes(
    text: str, title: str | None = None, published: date | None = None, taxonomy: Taxonomy | None = None
) -> list[Quote]:
    """Every quotation in `text`, in order of appearance, attributed where a speaker can be found;
    with a `taxonomy`, each ranked by the subjects it is about (see `app.extract.subjects`)."""
    if not text or not text.strip():
        return []
    article = text
    headline_end = _headline_end(article, title)
    interview = qa_lines(article)
    text = blank_layout(article)  # captions, ad breaks, teasers, bylines: no quotes, no speakers
    spans = [s for s in find_quote_spans(text) if s.start >= headline_end]
    if not spans:
        return []
    sentences = split_sentences(text, spans)
    quotes = []
    dates: dict[tuple[int, int], date | None] = {}
    ends = [s.end for s in spans]
    topics: dict[tuple[str, str], tuple[str, ...]] = {}
    frames: dict[Sentence, str] = {}
    position = {sentence: index for index, sentence in enumerate(sentences)}

    def frame(sentence: Sentence) -> str:
        if sentence not in frames:
            frames[sentence] = _frame(text, sentence, _quotes_within(spans, ends, sentence.start, sentence.end))
        return frames[sentence]

    def earlier_in_paragraph(sentence: Sentence) -> Iterator[str]:
        index = position[sentence] - 1
        reach = max(-1, index - DATING_REACH_SENTENCES)
        while index > reach and sentences[index].paragraph == sentence.paragraph:
            yield frame(sentences[index])
            index -= 1

    article_subjects = ArticleSubjects.of(taxonomy, text, title) if taxonomy is not None else None
    people: set[str] = set()
    attributed = _attribute_all(article, text, spans, sentences, people)
    people.update(
        word.casefold()
        for _, _, attribution in attributed
        if attribution.entity is not None and attribution.entity.kind == "person"
        for word in attribution.entity.name.split()
    )
    article_people = frozenset(people)
    if interview:
        attributed = _interview_turns(text, attributed, interview)
    for span, sentence, attribution in attributed:
        start, end = _context(span, sentence)
        if (start, end) not in dates:
            dates[start, end] = said_on_in_paragraph(
                frame(Sentence(start, end, sentence.paragraph)), earlier_in_paragraph(sentence), published
            )
        context = text[start:end].strip()
        quoted = article[span.start : span.end]  # as written, markup inside a quote included
        if (quoted, context) not in topics:
            topics[quoted, context] = quote_topics(quoted, context, article_people)
        subjects, details = ((), ())
        if article_subjects is not None:
            subjects, details = article_subjects.rank((span.start, span.end), (start, end), sentence.paragraph)
        quotes.append(
            Quote(
                text=quoted,
                start=span.start,
                end=span.end,
                context=context,
                kind=_kind(text, span, sentence, attribution),
                speaker=_speaker(attribution),
                cue=attribution.cue,
                said_on=dates[start, end],
                topics=topics[quoted, context],
                subjects=subjects,
                subject_details=details,
                sieve=attribution.sieve,
                confidence=attribution.confidence,
            )
        )
    return quotes


def _quotes_within(spans: list[QuoteSpan], ends: list[int], start: int, end: int) -> list[QuoteSpan]:
    found = []
    index = bisect_right(ends, start)
    while index < len(spans) and spans[index].start < end:
        found.append(spans[index])
        index += 1
    return found
