"""Word lists of English news prose: reporting cues, titles, pronouns, group and organisation nouns.

General vocabulary only; nothing here names a person or an event of any particular article.
"""

from __future__ import annotations

import re

SPEECH_VERBS = (
    "said says say saying told tells telling added adds adding continued continues continuing noted notes "
    "noting wrote writes writing argued argues arguing asked asks asking stressed stresses stressing urged "
    "urges urging explained explains declared declares insisted insists insisting warned warns warning "
    "replied replies responded responds tweeted tweets tweeting posted acknowledged acknowledges admitted "
    "admits claimed claims contended countered recalled recalls remarked suggested suggests observed "
    "observes announced announces quipped joked predicted predicts conceded concedes shouted yelled "
    "exclaimed agreed agrees complained complains boasted emphasized emphasises emphasizes maintained "
    "maintains mused offered reiterated repeated promised promises vowed vows pledged pledges cautioned "
    "charged retorted wondered concluded described describes describing called calls calling dismissed "
    "dismisses dismissing labeled labelled branded dubbed termed characterized criticized blasted slammed "
    "mocked appealed testified confirmed denied denies proclaimed stated states thundered chanted chanting "
    "sang read reads declaring predicting promising vowing reported reports reporting recounted answered "
    "pressed texted emailed demanded pleaded lamented bragged scoffed griped gushed opined advised assured "
    "reminded alleged speculated hinted implored begged challenged ventured interjected elaborated "
    "summarized commented comments commenting acknowledging explaining suggesting recalling concludes "
    "concluding answers barked fumed beamed remembered exhorted questioned reasoned snapped sighed grumbled "
    "muttered whispered cried raged reacted echoed "
    # informal, emotional and written ones
    "deadpanned wisecracked teased chided scolded rebuked sneered jeered taunted groused carped moaned groaned "
    "fretted enthused raved marveled marvelled crowed gloated sniped sniffed huffed seethed bristled protested "
    "objected disputed rebutted riposted rejoined confided confessed divulged disclosed reckoned surmised posited "
    "theorised theorized reflected pondered reminisced bemoaned apologised apologized beseeched counselled "
    "counseled reassured swore asserted affirmed averred clarified emphasised underlined underscored mentioned "
    "pronounced penned scrawled scribbled messaged blogged screamed hollered roared bellowed boomed growled hissed "
    "murmured mumbled sobbed wept laughed chuckled disagreed accused criticised praised hailed lauded inquired "
    "enquired queried "
    "quips muses snaps echoes jokes laments cautions reckons confides wonders "
    "remarking yelling shouting sings"
).split()
MULTIWORD_CUES = [
    "according to",
    "pointed out",
    "went on",
    "made clear",
    "made it clear",
    "points out",
    "goes on",
    "shot back",
    "fired back",
    "chimed in",
    "put it",
    "wrote on twitter",
    "said in a statement",
]
# "so-called" names a thing; it reports no one's words.


def _trie_pattern(words: list[str]) -> str:
    """One alternation for many words, factored by shared prefixes so a search fails fast; at each
    branch the longer word is tried first ("said in a statement" before "said")."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return build(trie)


CUE_PATTERN = r"(?<![Ss]o-)\b" + _trie_pattern(MULTIWORD_CUES + SPEECH_VERBS) + r"\b"
CUE = re.compile(CUE_PATTERN)

PRONOUNS = {"he": "male", "she": "female", "they": None, "it": None, "we": None, "i": None}
HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male"}
# Capitalised words written before a name to give a role: "US Secretary of State Antony Blinken".
TITLE_WORDS = frozenset(
    "president vice secretary state sen senator rep representative gov governor mayor prime minister chief crown "
    "prince princess king queen judge justice attorney general speaker chairman chairwoman chair director "
    "commissioner police sheriff ambassador leader majority minority whip house senate candidate nominee "
    "former acting deputy assistant lt col gen adm sgt capt maj dr mr mrs ms miss rev prof professor sir lord lady "
    "pope bishop cardinal rabbi imam father first lawmaker congressman congresswoman councilman councilwoman "
    "council member coach cmdr officer detective pastor spokesman spokeswoman economist analyst pollster strategist "
    "defense defence foreign affairs interior finance treasury homeland security health education energy "
    "commerce labor labour justice transportation agriculture veterans staff joint chiefs "
    "of the for and us u.s. u.s uk u.k. un u.n. federal national democratic republican gop "
    "dem rep. sen. gov. gen. dr. mr. mrs. ms. lt. col. adm. sgt. capt. maj. rev. prof. cmdr.".split()
)

# Jobs, ranks and labels written capitalised before a name, beyond the titles above: "Captain Mia Dorr",
# "Chief Executive Officer Nell Garrow", "Rival Tom Lee". Words that are also common surnames (Baker,
# Farmer, King) are left out: a title word in a name's last place is read as the name.
ROLE_WORDS = frozenset(
    "captain skipper sergeant constable inspector superintendent detective corporal private lieutenant colonel "
    "major admiral commander marshal executive ceo cfo coo cto chairperson president founder co-founder owner "
    "manager head master headteacher headmaster headmistress principal dean provost chancellor lecturer "
    "researcher scientist nurse surgeon physician councillor cllr alderman mp mep msp premier trustee treasurer "
    "registrar solicitor barrister lawyer counsel prosecutor editor columnist correspondent reporter host "
    "producer coordinator administrator supervisor consultant adviser advisor organiser organizer "
    "campaigner activist entrepreneur businessman businesswoman billionaire author novelist rival challenger "
    "incumbent hopeful frontrunner front-runner democrat democrats conservative labour tory liberal socialist "
    "veteran rookie goalkeeper goaltender striker midfielder defender forward quarterback pitcher star "
    "vice-president vice-chair co-chair spokesperson".split()
)

ORGANIZATION_WORDS = frozenset(
    "party committee campaign department ministry administration agency authority office bureau council association "
    "institute "
    "foundation center centre university college company corporation corp inc co group network news times post "
    "journal press service services commission board court union bank fund club league organization organisation "
    "team staff white house senate congress parliament government army police fbi cia nato reuters "
    # company and body suffixes: "Garrick Foods Inc.", "Brenmoor Wetlands Trust", "Kelby Ferry Lines"
    "ltd llc plc gmbh ag co. holdings industries partners foods systems technologies lines airlines "
    "airways motors energy pharmaceuticals logistics labs laboratories trust society federation alliance "
    "coalition confederation syndicate cooperative co-op consortium city county municipality "
    "school hospital museum library church charity".split()
)
GROUP_NOUNS = frozenset(
    "officials aides advisers advisors critics experts analysts supporters opponents democrats republicans "
    "lawmakers leaders protesters activists residents voters sources observers economists investigators "
    "prosecutors officers members people organizers organisers staffers strategists pollsters diplomats "
    "authorities witnesses scientists researchers students workers".split()
)
ORGANIZATION_HEADS = frozenset(
    "company campaign committee party department ministry administration agency group "
    "organization organisation government council network newspaper firm foundation "
    "trust union authority office board commission club team bank university college "
    "school hospital charity institute association society federation city county "
    "force service police league employer operator developer retailer manufacturer "
    "carrier airline insurer regulator utility".split()
)
# What an organisation says through: "the statement said", "the release said".
STATEMENT_NOUNS = frozenset(
    "statement release filing notice letter report memo announcement bulletin advisory update post".split()
)
# Nouns for something a person said or wrote: "Ruiz’s pledge to", "Lee’s stock answer", "Ruiz’s claim that".
SPEECH_NOUNS = frozenset(
    "statement slogan motto mantra refrain catchphrase phrase line answer reply response words "
    "remark remarks comment comments suggestion message tweet tweets post letter memoir speech "
    "promise pledge vow argument claim assertion accusation charge warning aside pitch quip joke "
    "description characterization broadside attack criticism mangling proposal proposals".split()
)
# ... and what a person speaks through: "Ruiz’s campaign said", "Lee’s office said".
VOICE_NOUNS = SPEECH_NOUNS | {"campaign", "office"}

# Words written capitalised at the start of a sentence that never begin a name.
CAPITALISED_FUNCTION_WORDS = frozenset(
    "the a an and but or so yet for nor in on at by to of from with as if when while after before since because "
    "although though however still yet also then there here this that these those it its he she they we i you "
    "his her their our my your what who why how where which meanwhile instead indeed moreover later earlier "
    "asked speaking last next monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december mr mrs ms dr according despite during "
    "even just only yes no not now today yesterday tomorrow tonight one two three many some most both each every "
    "all another other such like unlike among between inside outside without within under over into about "
    "behind beyond across through until upon amid via let is was are were be been has have had do does did "
    "will would can could should might must says said told asked neither either "
    "maybe perhaps "
    "jan feb aug sept oct nov dec".split()  # month abbreviations: "WASHINGTON, Dec. 8 —" names no one
)
# Day and month names written right after a name: "Ruiz Tuesday", "in Israel Tuesday".
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december today tonight".split()
)
NAME_PARTICLES = frozenset("bin ibn al el de del della da di du van von der den la le ben st. st".split())
