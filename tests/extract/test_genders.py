"""Gender shown by the article's own sentences outweighs the guess from a first name."""
from app.extract import extract_quotes
from app.extract.entities import EntityRegistry, first_name_gender, name_mentions
from app.extract.genders import learn_genders
from app.extract.marks import find_quote_spans
from app.extract.sentences import split_sentences

ARTICLE = (
    "Andrea Kowalczyk runs the harbor pilots’ union. Tom Lee chairs the port board.\n\n"
    "Kowalczyk spent his morning on the tugboats. Kowalczyk told his crews the strike was over.\n\n"
    "“We are back at work,” he said."
)


def test_a_person_the_article_calls_his_twice_is_a_he_whatever_the_first_name_suggests():
    assert first_name_gender("Andrea") == "female"  # the guess the article must overrule
    [quote] = extract_quotes(ARTICLE)
    assert quote.speaker.name == "Andrea Kowalczyk"


def test_one_his_is_not_enough_to_overrule_the_first_name():
    def gender_after(text):
        spans = find_quote_spans(text)
        free = name_mentions(text, 0, len(text))
        registry = EntityRegistry()
        for mention in free:
            registry.add(mention)
        learn_genders(text, split_sentences(text, spans), free, registry, spans)
        return registry.lookup("Kowalczyk").gender

    twice = "Andrea Kowalczyk spoke. Kowalczyk thanked his crew. Kowalczyk said his ships were ready."
    once = "Andrea Kowalczyk spoke. Kowalczyk thanked his crew."
    quoted = "Andrea Kowalczyk spoke. Kowalczyk read “his letter” aloud. Kowalczyk sang “his song.”"
    assert gender_after(twice) == "male"
    assert gender_after(once) == "female"
    assert gender_after(quoted) == "female"  # words inside quotes are not the narration's


def test_he_with_no_man_in_sight_goes_to_the_subject_whose_gender_was_only_guessed():
    [quote] = extract_quotes("Port Alder voted on Monday.\n\nAndrea Kowalczyk addressed the crowd at noon.\n\n"
                             "“We are back at work,” he said.")
    assert quote.speaker.name == "Andrea Kowalczyk"

    assert quote.sieve == "pronoun_speaker" and quote.speaker.mention == "he"
