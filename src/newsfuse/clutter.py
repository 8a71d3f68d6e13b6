"""Pattern tables for the clean stage: what web-page clutter looks like.

Every pattern here is either anchored to a whole line or bounded in length, so that
cleaning stays linear in the size of the page (no unbounded ``.*?`` that can rescan
the rest of a 5 MB line). The tables were written from five outlets' web copies of
one story (navigation, donation pitches, photo credits, icon names, a site index,
a "Next Up" sidebar) and checked against the bundled example cluster.
"""

from __future__ import annotations

import html as html_lib
import importlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsfuse import opinion

# (an operator's line may open with the placeholder a transcript gives for its spoken instructions)
_OPERATOR = r"(?:\[operator instructions\]\s*)?(?:thank you\.?\s*)?"

# --- whole-line clutter -------------------------------------------------------------------------------

# A line matching any of these (after strip) is dropped whatever its punctuation.
# an app named in a review's or a story's prose, not a pitch for one ("Open the app and the first thing you notice is a
# map", "Check the app store rankings and ...", "Get the app, the company's chief told investors, ...")
_NOT_APP_PROSE = (r"(?!\s+(?:store|stores|itself|economy)\b|(?:\s*,|\s+(?:and|but|or))\s+(?:the|you|it|i|we|they|he|she|"
                  r"there|that|this|a|an|your)\b)")
# (keyed below: its lookahead scans 300 characters at the start of every line, and "undertake" is in every match)
_UNDERTAKES_NO_OBLIGATION = (
    r"(?![^\"“”]{0,300}?\b(?:said|says|saying|argues?|argued|according|claims?|claimed|told|wrote|lawsuit|suit|"
    r"complaint|judge|court)\b)[^\"“”]{0,120}\bundertakes? no (?:obligation|duty)\b.{0,40}\bforward-looking statements?\b"
    r"[^\"“”]{0,80}"
)
OPINION_DISCLAIMER = opinion.DISCLAIMER
LINE_PATTERNS: tuple[str, ...] = (
    r"skip to (?:main )?(?:content|navigation|site index|search)\b.*",
    r"ie ?11 is not supported\b.*",
    r"(?:this|your) browser (?:is not|isn't) supported\b.*",
    # a player's fallback text for a browser without it ("Your browser doesn't support HTML5 audio.", "Your browser
    # does not support the video tag.")
    r"(?:sorry, )?(?:this|your) browser (?:does not|doesn't|doesn’t|cannot|can't|can’t) (?:support|play) (?:the |this |"
    r"these |embedded |html5? |inline |playback of )*(?:audio|video|media|iframe|element|tag|format|player|content|file)s?"
    r"\b[^.!?,]{0,40}[.!]?",
    # a paywall offer's fine print ("Offer valid for new subscribers only. Taxes may apply.")
    r"(?:this )?offer (?:is )?(?:only )?(?:valid|available|open) (?:for|to) new (?:digital )?(?:subscribers|customers|members)"
    r"\b(?![^\"“”]{0,150}\b(?:said|says|according|wrote|told|announced|added)\b).{0,150}",
    r"advertisement|supported by|sponsored(?: content)?|ad choices",
    # a campaign's disclaimer at a press release's or an ad's foot ("Paid for by Pelling for Halden, P.O. Box 118,
    # Halden.", "Paid for by Friends of Ada Lund. Approved by the candidate."): the payer and an address, nothing else
    # (not "Paid for by taxpayers, the stadium opened in 1999.", "Paid for by the city, the pool reopens in May.";
    # none in Multi-News 2000-5621 or TAC opens a sentence)
    r"paid for (?:and authorized )?by (?!(?:the )?(?:taxpayers?|city|state|county|government|public)\b)"
    r"[^,;:!?\"“”]{2,60}(?:,\s*(?:p\.\s?o\.|po\b|\d)[^!?\"“”]{0,60})?"
    r"(?:\.\s*(?:not )?(?:authorized|approved) by [^!?\"“”]{2,80})?\.?",
    r"(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|inbox|e-?mails?)\b.*",
    r"(?:get|receive)\b.{0,60}\b(?:newsletters?|in your inbox|delivered to your inbox)\b.*",
    r".{0,80}\bnewsletters?\b.{0,40}\b(?:inbox|sign up|subscribe)\b.*",
    r"(?:subscribe|log ?in|sign ?in|sign ?up|register|donate|donate now|give now|share|share this(?: story| article)?|"
    r"print|email|e-mail|comments?|read comments|show comments|load comments|view comments|menu|close|search|"
    r"watch live|listen live|live tv|home|back to top|top|next|previous|more|show all|see all|read more(?: here)?|learn more|"
    r"continue reading)[.!]?",
    r"(?:watch|listen|video|photos?|gallery|audio)\s*\|.*",
    r"related\s*:.*",
    r"(?:also )?read (?:more|also|next)\s*:.*",
    r"(?:more|see also)\s*:.*",
    r"this is a developing (?:news )?story\b.*",
    # a pointer to the page's player ("Watch the video above to see ...", "Watch the new trailer for the revenant movie,
    # in theaters this december.", "Listen to the audio version of this article: ..."; all 14 in Multi-News)
    r"(?:watch|see) (?:the|this|our) (?:new |full |official |latest )?(?:trailer|video|clip|footage)\b.{0,200}",
    r"listen to (?:the|this) (?:audio|podcast)\b.{0,200}",
    # a page's error widget ("An error has occurred.", "Oops, something went wrong. Please try again later.")
    r"an? (?:unexpected )?error (?:has )?occurred[.!]?(?:\s*please try again(?: later)?[.!]?)?",
    r"(?:oops[,!.]?\s*)?something went wrong[.!]?\s*please (?:try again|refresh)\b.{0,30}",
    # a live story's update stamp on its own ("updated at 11: 10 a.m.", "Updated 6.15pm ET"; split trims one that
    # opens a sentence)
    r"updated?\s*(?:at\b|:)?\s*\d{1,2}(?::\s?\d\d|\.\d\d)?\s*[ap]\.?\s?m\b\.?"
    r"(?:\s*(?:et|edt|est|ct|cdt|cst|pt|pdt|pst|gmt|bst|eastern|pacific|central)\b\.?)?",
    r"stick with (?:cnn|abc|cbs|nbc|fox|us)\b.{0,150}",  # "Stick with cnn politics as we sort through the ..."
    # a live page's pitch for itself ("Stay with KVRL 7 for updates on this developing story.", "Follow our live
    # coverage of the flood in Lornby."; neither in Multi-News 3000-5621 or TAC) (not "Stay with her for the night")
    # (... nor prose that starts so: "Stay with the program for the latest results, coaches told the players.", "Follow
    # the live updates on the radio, the mayor urged residents.": what it is about follows, without a comma)
    r"(?:stay|stick) with (?!(?:it|him|her|them|me|us|you)\b)[\w .'’&-]{1,40}? for (?:more )?(?:updates|the latest)"
    r"(?:\s+(?:on|about|from|in|as|news)\b[^,]{0,120})?[.!]?",
    r"follow (?:our|the) live (?:coverage|updates|blog)(?:\s+(?:of|on|about|from|in|at|here|below)\b[^,]{0,120})?[.!:]?",
    r"(?:please )?check back (?:later )?for (?:more )?updates\b.*",
    # a live page's promise of more ("We will bring you the latest as we get it.", "We'll keep you updated.")
    r"(?:we(?:'|’)ll|we will) (?:bring you (?:the latest|more|updates|all the)|keep (?:you )?(?:updated|posted)|"
    r"update (?:this|you))\b[^\"“”]{0,120}",
    r"this (?:story|article|post) (?:has been|was|will be) updated\b.*",
    # a correction note over or under a story ("This story has been corrected to show that the fire started on
    # Saturday, not Friday.", "An earlier version of this article misstated the number of homes destroyed.")
    # (not a report's history: "This report was corrected after the agency found errors", "An earlier version of this
    # report, released in 2015, found no link", "An earlier version of this story appeared in the Times in 1998")
    r"this (?:story|article|post) (?:has been|was) corrected\b.*",
    # (a column's "For the record" label before it: "for the record an earlier version of this post said ...")
    r"(?:for the record[,:.]?\s+)?an? (?:earlier|previous) version of this (?:story|article|post|report),?\s+(?:\w+ly\s+)?"
    r"(?:mis\w+|stated|said|reported|referred|described|identified|gave|included|omitted|contained|listed|used|quoted|"
    r"suggested|called|named|cited|located|spelled|attributed|failed|did not|had an? (?:incorrect|wrong))\b.*",
    r"(?:the )?(?:associated press|ap|reuters|afp|cnn|staff writers?)\b.{0,40}\bcontributed (?:to )?(?:this )?report(?:ing)?\b.*",
    r"(?:additional )?reporting (?:was contributed )?by\b.{0,200}",
    # a wire story's contributor line in its own words ("Associated Press writer Jane Roe contributed from Denver.",
    # "Staff writer John Doe contributed to this story.")
    r"(?:[\w.'’-]+ ){0,3}(?:writers?|reporters?|correspondents?|photographers?|journalists?|researchers?) "
    r"(?:(?!(?:from|at|of|the|a|an|around|across|with|for|on|who|that|to|all|over)\b)[\w.'’-]+,? ){1,4}"
    r"(?:and (?:[\w.'’-]+ ){1,3})?(?:in [\w.,'’ -]{2,40} )?contributed"
    r"(?: (?:to (?:this|the) (?:report|story|article)|reporting))?(?: (?:from|in) [\w.,'’ -]{2,60})?[.!]?",
    r".{0,120}\bcontributed reporting\b.{0,120}",
    r"(?:[^\"“”.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Jr|Sr|St|Dr|Mr|Ms))\.|(?<=\bMrs)\.){0,120}\bcontributed to this (?:report|story|article)(?: (?:from|in) [\w.,'’ -]{2,60})?[.!]?",  # ("KMRW 7's Sienna Marsh contributed to this report.")
    # ... naming each writer's place ("Associated Press writers Jane Roe in Denver, and John Doe in Paris, France,
    # contributed to this report.")
    r"(?:[\w.'’-]+ ){0,3}(?:writers|reporters|correspondents|journalists) [^!?]{2,240}? contributed to this "
    r"(?:report|story|article)[.!]?",
    # a wire's pointer to its code of practice ("Our Standards: The Thomson Reuters Trust Principles.")
    r"(?:our standards\s*:\s*)?the (?:[\w.'’&-]+ ){0,3}trust principles\.?",
    r"(?:©|\(c\)|copyright\b).{0,200}",
    r".{0,80}\ball rights reserved\b.{0,80}",
    r"(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings)|contact us|about us)\b.{0,120}",
    r"we have a new comment system\b.*",
    r".{0,60}\b(?:community guidelines|comment policy|keep comments civil|comment form|comments ?'? factual accuracy)\b.*",
    r"(?:follow us|like us|find us)\b.{0,80}",
    r"(?:photo|image|video|graphic|illustration|credit|courtesy|source|file photo|photograph)\s*(?::|by\b|of\b).{0,300}",
    r"image by\b.{0,200}",
    r".{0,400}\((?:ap|afp|reuters|getty|epa|upi)(?: images)? ?(?:photo|/).{0,80}\).*",
    r".{0,400}\(photo(?:graph)?(?: by)?[:/ ].{0,80}\).*",
    r"(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*\s?/\s?(?:AP|AFP|Reuters|Getty Images|EPA|UPI|Bloomberg|Shutterstock|"
    r"(?:The )?(?:[A-Z][\w&'’-]*\s?){1,4})",
    r"(?:update|updated|editor'?s note|correction)\s*[:|].{0,3}",
    # an editor's note, a correction or a clarification under or over a story, its label first ("Editor's note: An
    # earlier version of this story misstated the year the ferry was built. It was built in 1987.", "Clarification:
    # This story has been updated to say ..."): a note about the page, never the story
    r"(?:editor(?:'|’)?s note|corrections?|clarifications?)\s*:\s.{0,300}",
    # an opinion page's disclaimer ("The views expressed are the author's own.", "The opinions expressed in this
    # commentary are solely those of the author.", "Editorials are the opinion of the editorial board, ...")
    OPINION_DISCLAIMER,
    # a consent wall's heading ("We value your privacy", "Lakeshore Now values your privacy")
    r"(?:we|(?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})) values? your privacy[.!]?",
    # an explainer's table of contents: its heading and a bar of links ("In this article", "Jump to: What happened |
    # Injuries | Rescue", "Jump to section"), and a numbered question over a section ("3. How were people rescued?").
    # (Prose jumps in time without a colon: "Jump to 2019, and the mill had closed.")
    r"in this (?:article|story|explainer|guide|page)|(?:table of )?contents|on this page|"
    r"jump to(?:\s*:.{0,300}| (?:section|comments|navigation|content|main content|top|recipe)s?\b.{0,3})",
    r"\d{1,2}[.)]\s+[^.!?]{3,120}\?",
    r"read (?:the )?(?:full|original) (?:story|statement|article)\b.*",
    r"here(?:'|’)?s (?:the |his |her |their |our |what |how |a )?.{0,80}(?:statement|story|tweet|video|response|background|"
    r"reacted|reaction|clip|the latest|need to know)\b.{0,80}",
    r"(?:click|tap) here\b.*",
    r"(?:listen to|download) (?:this|the) (?:story|article|podcast)\b.*",
    r"(?:order reprints|today'?s paper)\b.*",
    r"a version of this article appears in print\b.*",
    r"(?:like|enjoy) what you(?:'|’)re reading\b.*",
    r".{0,80}\b(?:become a (?:sustaining |monthly )?(?:member|subscriber|patron)|support (?:our|independent|local) (?:journalism|reporting|newsroom))\b.*",
    r".{0,200}\btax[- ]deductible\b.*",
    # sign-up, log-in, trial and cookie notices (written from pages flattened into text, where they sit
    # between paragraphs: "Sign up never miss a local story.", "Notice you must log in to continue.")
    r"(?:you can )?unsubscribe\b.{0,200}",
    r"(?:be the first to know|never miss)\b.{0,160}",
    r"sign up\b.{0,160}",
    r"(?:sign|log) ?in (?:using|with)\b.*",
    r"(?:notice:? )?you (?:must|need to) (?:log|sign) ?in\b.{0,120}",
    r"you ?(?:'|’)? ?re all set[.!]?",
    r"(?:for |get |enjoy )?unlimited (?:digital )?access\b.{0,200}",
    # a paywall's and a trial offer's small print ("Cancel anytime.")
    r"cancel (?:any ?time|online any ?time)[.!]?",
    # an app pitch ("Download the free KVTR 9 app for breaking news alerts on your phone.", "For the latest on air
    # quality, check the KVTR 9 Weather app."): an imperative to get or open the outlet's app
    r"(?:download|get|install|open|check) (?:the |our )(?:free )?[\w&.'’ -]{0,40}?\bapps?\b" + _NOT_APP_PROSE + r".{0,120}",
    r"(?:for (?:the latest|more|updates)\b.{0,80}?,\s*)(?:download|get|install|open|check) (?:the |our )(?:free )?"
    r"[\w&.'’ -]{0,40}?\bapps?\b" + _NOT_APP_PROSE + r".{0,60}",
    # a broadcaster's note under a transcript ("Transcript note: This transcript was created on a rush deadline.",
    # "Accuracy and availability may vary.", "The authoritative record of ... programming is the audio record.")
    r"(?:transcript note:?\s*)?(?:this |our |[\w.]+ )?transcripts? (?:is|are|was|were) (?:created|produced|prepared) "
    r"on a rush deadline\b.*",
    r"accuracy and availability may vary[.!]?",
    # (and one made by a machine: "This transcript was produced automatically from the broadcast and lightly edited.
    # It may contain errors.")
    r"(?:transcript note:?\s*)?(?:this |the )?transcript (?:is|was|has been) (?:produced|generated|created) "
    r"(?:automatically|by (?:a )?(?:machine|computer|automated|speech)\b)[^.!?,]{0,100}[.!]"
    r"(?: (?:it|this transcript) may contain (?:errors|mistakes|inaccuracies)[.!])?"
    r"(?: please (?:check|verify) (?:it )?against the (?:audio|recording|broadcast)\b[^.!?]{0,40}[.!])?",
    # (... and its request on a line of its own: "Please check against the audio before quoting.")
    r"please (?:check|verify) (?:it )?against the (?:audio|recording|broadcast)\b[^.!?]{0,40}[.!]?",
    r"the authoritative record of\b.{0,80}\bprogramming is the audio record[.!]?",
    # a podcast's sign-off and a public station's underwriting line ("If you liked this episode, rate and review us
    # wherever you get your podcasts.", "Support for Lowmoor Public Radio comes from listeners like you.")
    r"(?:if you (?:liked|enjoyed) (?:this|the) (?:episode|show|podcast),? )?(?:please )?(?:rate|rate and review|"
    r"subscribe|follow|review) (?:us|the show|this (?:show|podcast))\b[^.!?]{0,40}\bwherever you (?:get|listen to)"
    r" (?:your )?podcasts[.!]?",
    # (not "Support for the strike comes from members of three unions, who voted Tuesday.")
    r"support for [\w .'’&-]{2,60}? comes from (?:listeners|members|viewers|readers)(?: like you\b| of (?:this|our) "
    r"(?:station|network|program|podcast)\b| and from\b)[^.!?]{0,80}[.!]?",
    r"this text may not be in its final form\b.{0,120}",
    # a research paper's back matter on its journal's page, its label first ("Funding: This trial was funded by ...",
    # "Conflict of interest: Dr Roe reports ...", "Data sharing: De-identified participant data will be ...",
    # "Corresponding author: ...", "Trial registration: ...", "Cite this article: Roe J, Doe A. ..."): a note about the
    # paper, which the stories report in their own words when it matters (none opens a line in Multi-News 2000-5621 or
    # TAC; "Citation: dagher rk, chen j ..." and "Doi: 10.3198/..." open sentences there)
    r"(?:funding(?: sources?| statement)?|sources? of funding|role of the funding source|conflicts? of interests?|"
    r"competing interests?|declarations? of (?:competing )?interests?|(?:financial )?disclosures?|"
    r"data (?:sharing|availability)(?: statement)?|corresponding author|trial registration|author contributions|"
    r"cite this article|how to cite(?: this article)?|doi|reproducible research statement)\s*:\s.{0,800}",
    # ... "Citation:" when a reference follows (a year, "et al", a DOI), not a police log's entry ("Citation: A
    # 34-year-old Halden man was cited for driving with a suspended license on Main Street.")
    r"citation\s*:\s(?=.{0,800}?(?:\bet al\b|\bdoi\b|\b(?:1[89]|20)\d\d\s?[;.():]))(?:.{0,800})",
    # (a social widget's sign-in line: "use my facebook information to fill out my public buzzfeed profile ...")
    r"(?:have an account\? sign in! )?use my facebook information to fill out my public\b.{0,200}",
    r"(?:e-?mail address )?we ?(?:'|’)? ?ll send a conf[io]rmation e-?mail to this address\b.{0,40}",
    # ... and its abstract's background or objective, label first ("Background: Inflammation contributes to ... Whether
    # low-dose brenacine ... reduces recurrent stroke is unknown.", "Objective: to examine trends in ..."): what was not
    # known before the paper, never its news (capitalized as a label is; 3 in Multi-News 2000-5621, all abstracts)
    r"(?-i:(?:Abstract\s+)?(?:Background|Context|Importance|Introduction|Objectives?|Aims?(?: and [Oo]bjectives?)?|"
    r"Purpose|Rationale)|Abstract\s+(?:background|context|importance|introduction|objectives?|aims?|purpose|rationale))"
    # (up to the end of its line only when no other section follows in it: a page flattened to one line keeps its
    # abstract, whose sentences the label rules judge one by one)
    r"\s*:\s(?:(?!\b(?:methods?|design|setting|participants|interventions?|results?|findings|measurements|"
    r"main outcomes?|conclusions?)\s*:).){0,1500}",
    # ... and its reference list's entries in the Vancouver style, volume and pages after the year ("Marlow P, Eden K.
    # Recurrence after minor stroke: a cohort study. Stroke Outcomes. 2019;12:44-52.")
    r"[^;\n]{5,400}?\b(?:1[89]|20)\d\d\s?;\s?\d{1,4}(?:\s?\(\s?[\w-]{1,8}\s?\))?\s?:\s?e?\d{1,6}(?:\s?[-–]\s?\d{1,6})?"
    r"\.?(?:\s*(?:doi:?\s?|https?://)\S{4,120})?",
    # a wiki page's furniture: a reference list's entry, opened by its caret back-link ("^ a b c Roe, Jane (April 16,
    # 2026). ..."; no line of prose opens with a caret), the notice atop a current event's article, the footer's
    # edit stamp and licence
    r"\^ .{0,600}",
    # (the notice's own sentences only, of information that may change: not the paragraph of prose run in after it)
    r"this article (?:is about|documents) an? (?:current|ongoing) event\.(?: [^.]{0,160}\b(?-i:may)\b[^.]{0,160}\.){0,3}",
    r"this page was last (?:edited|modified) on [^.;]{0,40}\d(?:, at \d{1,2}:\d\d)?(?: \([A-Z]{2,5}\))?\.?",
    r"text is available under the creative commons [\w.-]+(?:[ -][\w.-]+){0,3} licen[sc]e(?: [\d.]+)?"
    r"(?:[;,] additional terms may apply)?[.;]?",
    r"cookies on\b.{0,200}",
    r"keep up with this story\b.{0,120}",
    # the text of embedded widgets that a flattened page keeps: Twitter's location notice and embed code,
    # video players' messages, newsletter, registration and comment-profile confirmations
    r"tweet with a location\b.{0,300}",
    r"we(?:'|’| ha)?ve detected that javascript is disabled\b.{0,120}",
    r"would you like to proceed to legacy twitter\?",
    r"you always have the option to delete your (?:tweet )?location history\b.{0,40}",
    r"(?:add a location to your tweets|you can switch location on/off)\b.{0,200}",
    r"add this (?:tweet|video) to your website\b.{0,120}",
    r"(?:rating is available when the video has been rented|this feature is not available right now|"
    r"the interactive transcript could not be loaded|media requires javascript to play|"
    r"(?:please )?try again later)[.!]?",
    r"\(?\s*click (?:prev|next|prev or next) to continue viewing\b.{0,30}",
    r"(?:breaking news e-?mails|get push notifications)\b.{0,160}",
    r"the news and stories that matter, delivered\b.{0,60}",
    r"add as an interest to stay up to date\b.{0,160}",
    r"(?:dow jones reprints|to order presentation-ready copies)\b.{0,300}",
    r"(?:just one more thing\b.{0,20})?we have sent (?:you )?a (?:confirmation|verification) e-?mail\b.{0,100}",
    r"if you do not receive the (?:verification|confirmation) (?:message|e-?mail)\b.{0,200}",
    r"please check your e-?mail and click on the link\b.{0,120}",
    r"thank you for (?:registering|subscribing|signing up)\b.{0,160}",
    r"(?:there was a problem saving your notification|your notification has been saved|"
    r"e-?mail notifications are only sent)\b.{0,160}",
    r"this will appear next to all of your comments\b.{0,160}",
    r"by submitting your registration information\b.{0,200}",
    r"already have an account\?.{0,60}",
    r"please sign in\b.{0,60}",
    r"(?:visit us and sign in to update your profile|we look forward to seeing you on)\b.{0,160}",
    r"(?:see|read|review) our privacy policy\b.{0,200}",
    r"view all\b.{0,40}\bnewsletters[.!]?",
    r"welcome to [\w-]+\.(?:com|org|net|co\.uk)\b.{0,10}",
    r"(?:website )?(?:visitors|readers|you) (?:may|can) (?:access|read) up to \w+ (?:free )?(?:articles|stories)\b.{0,120}",
    r"learn more about our (?:subscription|membership)s?\b.{0,60}",
    r"no one covers what is happening in our community better than we do\b.{0,200}",
    r"this material may not be published, broadcast, rewritten,? or redistributed\b.{0,40}",
    # a page counter: a paginated article's ("Page 1 of 2") or a PDF's running footer ("Page 2 of 3", "- 2 -")
    r"page \d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|-\s?\d{1,4}\s?-",
    # a press release's forward-looking-statements disclaimer, when its heading is lost
    r"this (?:press |news )?release (?:contains|includes|may contain) forward-looking statements\b.{0,300}",
    # (not a story's sentence reporting one: "Acme, which says it undertakes no obligation to update forward-looking
    # statements, misled investors, the lawsuit argues.")
    _UNDERTAKES_NO_OBLIGATION,
    # a newsletter's furniture: the forwarding pitch, the reason it was sent, the sign-off
    r"forward this (?:e-?mail |newsletter )?to a (?:friend|colleague)\b.{0,120}",
    r"did (?:someone|a friend|a colleague) forward this(?: e-?mail| newsletter)? to you\?.{0,60}",
    r"you(?:'|’)?re receiving this (?:e-?mail|newsletter|message)\b.{0,160}",
    r"you (?:are receiving|received) this (?:e-?mail|newsletter|message)\b.{0,160}",
    r"that(?:'|’)?s (?:it|all) for (?:today|this week|this weekend|this morning|now)[.!]?(?:\s*see you \w+[.!]?)?",
    r"(?:\d{1,2}[- ]day|hourly|extended) forecast",
    # a blog feed's footer under each item ("The post Storm knocks out power appeared first on Wrenford Beacon.")
    r"the post (?-i:[A-Z0-9\"“‘']).{1,300} appeared first on (?-i:[A-Z]).{1,100}",
    # an e-mail's legal and printing footers ("CONFIDENTIALITY NOTICE: This e-mail message ... is for the sole use of
    # the intended recipient(s) ...", "Please consider the environment before printing this e-mail.")
    r"(?:(?:confidentiality|privileged|legal) (?:notice|note|disclaimer)\s*:?\s*)?this (?:e-?mail|message|communication|"
    r"transmission)\b.{0,80}\b(?:is|are) (?:confidential and |privileged and )?(?:for the sole use of|intended (?:only |solely )?for(?: the (?:sole )?use of)?) "
    r"the (?:intended|named|individual|addressee)\b.{0,600}",
    r"(?:please )?(?:consider|think of) the environment before printing\b.{0,40}",
    # a social site's buttons over and under a post or thread ("See new posts", "Show replies", "Relevant people")
    r"see new posts|show (?:more )?replies|show this thread|relevant people|who to follow",
    # a print page's buttons ("Print this page | Close window")
    r"print (?:this )?(?:page|article|story)(?:\s*[|·]\s*close (?:this )?window)?|close (?:this )?window",
    # a bare address, alone on its line (a printed page's URL at its top)
    r"(?:https?://|www\.)[^\s<>\"]{3,500}",
    # a station's notes on its video and the machine transcript under it ("Watch our report above. The transcript
    # below was generated automatically and may contain errors.")
    r"watch (?:our|the) (?:full )?(?:report|video|story|segment|newscast) (?:above|below)[.!]?",
    r"(?:the |this )?(?:video )?transcript (?:below|above) (?:was|is|has been) (?:generated|created|produced) "
    r"(?:automatically|by (?:a )?(?:machine|computer|software))\b(?![^\"“”]{0,80}\b(?:said|says|according)\b).{0,80}",
    # a weather widget's readings ("72°", "H: 78° L: 55°", "High 78°F / Low 55°F")
    r"(?:(?:h(?:igh)?|l(?:ow)?|feels like|now)\s*:?\s*)?-?\d{1,3}\s?°\s?[fc]?"
    r"(?:\s*[/|·,]?\s*(?:(?:h(?:igh)?|l(?:ow)?|feels like)\s*:?\s*)?-?\d{1,3}\s?°\s?[fc]?)*",
    # a site's notice before an outbound link ("External link you are about to leave travel.state.gov for ...")
    r"(?:external link:? )?you are (?:about to leave|now leaving|leaving)\b.{0,80}?"
    r"(?:\bweb ?site|\bsite|\bpage|\.(?:gov|com|org|net|edu))\b.{0,200}",
    r"if you wish to (?:remain|stay) on\b.{0,120}",
    # a page's notices to a reader whose browser blocks its scripts, an image widget's size picker
    r"it appears that (?:software on your computer|your browser) is blocking javascript\b.{0,80}",
    r"(?:small|medium|large)\s*\(\s*[sml]\s*\) has the (?:shortest|longest) download time\b.{0,80}",
    # a pointer to another version of the page ("A revised version of this article appears here.")
    r"an? (?:revised|newer|new|updated|earlier) version of this (?:article|story|post) (?:appears|is available|can be found)\b.{0,60}",
    r"for (?:the latest|more)\b.{0,80}\b(?:click|tap) here\b.{0,20}",
    # newswire editing notes and slugs (DUC/TAC-era AP and NYT wire copy)
    r"\(?(?:story can end here|optional (?:add|trim|2nd take)|(?:begin|end) optional (?:trim|add))\b[^()]{0,80}\)?",
    r"\((?:more|end|ends)\)",
    r"endit|(?:nyt|ap(?:-[a-z]{2})?)-\d\d-\d\d-\d\d(?: \d{3,4}\s?[ecmp][sd]t)?",
    # a teletype copy's slug line, after its priority and category letters ("R A BC-QUILLFORD-TRANSIT-STRIKE
    # 1STLD-WRITETHRU 560", "BC-Chile-Pinochet,0567"), and its note to editors ("EDS: UPDATES WITH ...")
    r"(?-i:(?:[A-Z] ){0,3}BC-(?:[A-Z0-9 ,'’-]{2,100}|[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?:[ ,]+[\w'’-]+){0,6}))",
    r"(?-i:EDS|Eds):\s.*",
    # a mailing-list archive's links between messages and its note on an attachment it removed
    r"\* ?(?:previous|next) message(?: \(by thread\))?: .*",
    r"(?:previous|next) message(?: \(by thread\))?: (?:\[[^\]]{1,40}\]|re:).*",
    r"(?:an html|a non-text) attachment was scrubbed\.*",
    # an earnings call's transcript: the operator's furniture ("Good day, and welcome to the Acme second quarter
    # earnings conference call.", "At this time, all participants are in a listen-only mode.", "Please be advised that
    # today's conference is being recorded.", "Our next question comes from Jane Roe with Halbrook Securities. Your line
    # is open.", "This concludes today's conference. ... You may now disconnect.") and the speakers' hand-overs and
    # safe-harbour reminder ("Thank you, operator, and good morning, everyone.", "With that, I'll turn the call over to
    # Dana.", "Before we begin, let me remind you that today's discussion contains forward-looking statements, ...")
    _OPERATOR + r"(?:good (?:day|morning|afternoon|evening),? )?(?:(?:and|everyone|ladies and gentlemen|thank you for "
    r"standing by),? )*(?:and )?welcome to (?:the |today'?s )?[^.!?]{0,160}\b(?:conference call|earnings call|"
    r"investor call|analyst call|webcast|call)\b[^.!?]{0,80}[.!]?",
    _OPERATOR + r"(?:at this time,? )?all (?:participants|lines|callers|parties) (?:are|have been placed|will be) "
    r"(?:in|on) (?:a )?listen[- ]only mode\b.{0,160}",
    _OPERATOR + r"(?:please be advised |please note |as a reminder,? |i would like to remind everyone )?(?:that )?"
    r"(?:today'?s|this) (?:conference|call|event|webcast|conference call)(?: call)? (?:is being|will be|is) recorded\b.{0,120}",
    _OPERATOR + r"(?:(?:i|we)(?: would|'d|’d) (?:now )?like to|(?:i|we)(?:'ll|’ll| will) now) (?:hand|turn) (?:the "
    r"(?:conference|call|floor|program|programme|meeting)|it|things) (?:back )?over to\b.{0,200}",
    _OPERATOR + r"(?:please )?go ahead[.!]?",
    _OPERATOR + r"(?:(?:our|the|your) )?(?:first|next|last|final|following) question (?:comes|is coming|will come|is) "
    r"from\b.{0,200}",
    _OPERATOR + r"(?:your|the) line is (?:now )?(?:open|live)[.!]?",
    _OPERATOR + r"(?:ladies and gentlemen,? )?(?:this|that) (?:concludes|ends|completes) (?:today'?s|our|the|this) "
    r"(?:conference|conference call|call|question[- ]and[- ]answer session|q ?& ?a session|q ?& ?a|program|programme|"
    r"presentation|prepared remarks|webcast)\b.{0,200}",
    r"(?:you|everyone) may (?:now )?disconnect\b.{0,60}",
    r"thank you(?:,? operator)?,? (?:and )?(?:good (?:morning|afternoon|evening|day),? )?(?:everyone|all|ladies and "
    r"gentlemen)?[.!]?|thank you,? operator\b.{0,60}",
    r"(?:(?:hi|hey|yes|good (?:morning|afternoon|evening)|great),? )?(?:and )?thanks? (?:you )?(?:so much |very much )?"
    r"for taking (?:my|our|the) questions?[.!]?",
    r"(?:with that,? )?(?:(?:i|we)(?:'ll|’ll| will| would| want to)|let me) (?:now )?(?:turn|hand|pass) (?:the call|it|"
    r"things|the floor|the discussion) (?:back )?over to\b.{0,100}",
    r"(?:with that,? )?(?:operator,? )?(?:we|let'?s|let us|i'?d like to) (?:can |will |would like to )?(?:now )?"
    r"(?:open|opens|turn to) (?:up )?the (?:line|lines|call|floor|phones?) (?:for|to) (?:your )?questions\b.{0,60}",
    r"(?:before we (?:begin|start),? )?(?:let me|(?:i|we)(?:'d| would) like to|i want to|may i) (?:also )?remind "
    r"(?:you|everyone|listeners|participants)(?: all)? that (?:today'?s|this|our) (?:discussion|call|presentation|"
    r"conference call|webcast|remarks) (?:contains|includes|will include|may include|include)\b.{0,400}",
    r"(?:we(?:'ll|’ll| will)|during (?:today'?s|this) call,? we (?:will|may)) (?:also )?(?:refer to|discuss|be "
    r"discussing|use|reference) (?:certain )?non-gaap\b.{0,250}",
    # a press release's call details ("Corran will host a conference call to discuss these results today at 8:30 a.m.
    # Eastern Time.", "To access the call, dial 1-800-555-0142 ... and enter passcode 7731904." (a code's number after it:
    # not "someone gave investigators the passcode"), "A live webcast will
    # be available on ...", "A telephone replay will be available until August 13, 2026, ...") and its non-GAAP
    # notes ("This press release includes non-GAAP financial measures, ...", "Management believes these measures ...",
    # "Non-GAAP measures should not be considered in isolation ...", "A reconciliation of GAAP to non-GAAP results is
    # included at the end of this release.")
    r"(?-i:[A-Z])[^.!?\"“”]{0,80}\bwill (?:host|hold|conduct|webcast) (?:a |an |its )?(?:live )?(?:conference call|"
    r"earnings call|investor call|webcast|call and webcast)\b[^\"“”]{0,250}",
    r"to (?:access|join|listen to|participate in) the (?:live )?(?:call|webcast|conference call|replay)\b.{0,300}",
    r"[^\"“”]{0,160}\b(?:passcode|pass code|conference id|access code|participant code|replay code)\s?(?:is\s|:|#)?\s?\d{4,}\b[^\"“”]{0,200}",
    r"an? (?:live |audio |telephone |digital |archived |webcast )?(?:webcast|replay|recording|audio webcast)"
    r"(?: and (?:a )?replay)?(?: of the (?:call|conference call|webcast))? (?:will|can|may) (?:also )?be "
    r"(?:available|accessed|found|posted)\b.{0,250}",
    r"this (?:press |news |earnings )?release (?:contains|includes|presents|uses|refers to) (?:certain )?"
    r"(?:non-gaap|financial measures (?:that are )?not)\b.{0,300}",
    r"management believes (?:that )?(?:these|this|the use of|such|non-gaap) (?:non-gaap )?(?:financial )?"
    r"(?:measures?|information|presentation)\b.{0,300}",
    r"(?:these |such )?non-gaap (?:financial )?(?:measures|results|information) (?:should|are not intended to|"
    r"are not meant to) (?:not )?(?:be considered|replace|substitute)\b.{0,300}",
    r"an? (?:full )?reconciliation of (?:the )?(?:gaap|non-gaap)\b.{0,200}",
    # a finance site's notes ("MarketHarbor's content is for informational purposes only and is not investment
    # advice.", "Consensus rating: Moderate Buy (8 Buy, 6 Hold, 1 Sell).", "Average price target: $54.60.") and a wire's
    # pointer to its code of practice in another name than Reuters's ("Our Standards: The Castline Principles.")
    r"[^\"“”]{0,80}\b(?:is|are) (?:provided )?for (?:general )?informational purposes only\b[^\"“”]{0,200}",
    r"(?:consensus|analysts?'?|average) (?:rating|recommendation)s?\s*:.{0,120}",
    r"(?:average|median|mean|consensus) (?:12-month )?(?:price )?target\s*:.{0,40}",
    r"our standards\s*:.{0,80}",
    # ... a transcript site's disclaimer ("This transcript was prepared by Tallyroom and may contain errors. Tallyroom
    # assumes no responsibility for any use of this content, and it is not investment advice.") and the call's
    # greetings ("With me today are ...", "Thanks, Naomi, and good morning.", "Thank you all for joining us.")
    r"(?:this|the) transcript (?:was|has been|is|may be) (?:prepared|produced|provided|generated|created)\b"
    r"[^\"“”]{0,120}\b(?:may contain|might contain|contains? errors|not be (?:entirely )?accurate|accuracy)\b.{0,200}",
    r"[^\"“”]{0,80}\b(?:assumes?|accepts?) no (?:responsibility|liability) for\b[^\"“”]{0,80}\b(?:use|content|"
    r"information|errors)\b[^\"“”]{0,160}",
    r"(?:joining me|with me|here with me) (?:on (?:the|today'?s|this) call )?today (?:are|is)\b.{0,200}",
    r"(?:thanks?|thank you)(?: very much| so much)?,? (?-i:[A-Z])[\w'’-]+,?(?: and good (?:morning|afternoon|evening|"
    r"day)(?:,? (?:everyone|all))?)?[.!]?",
    r"thank you (?:all |everyone )?for joining us\b.{0,80}",
    # a picture's caption naming what it shows ("An artist's conception of the juno spacecraft flying over the great red
    # spot.", "an artist's rendering of the planned stadium.") and a station's social pitch ("Join the conversation on
    # our facebook page!")
    r"(?:an? )?artist(?:'s|’s|s'|s’)? (?:conception|rendering|rendition|impression|illustration|depiction)"
    r"\b(?!.*\b(?:said|says|according to)\b).*",  # (not "An artist's rendering ... was unveiled, the mayor said.")
    r"join the conversation (?:on|at) (?:our )?(?:facebook|twitter)(?: page)?[.!]?",
)
# Notices recognised anywhere in a short line or sentence (searched, not matched: a leading ".{0,160}"
# in LINE_RE would cost every sentence of a 5 MB page a backtracking scan).
NOTICE_RE = re.compile(
    r"\b(?:unsubscribe (?:at any time|anytime)|(?:e-?mail|news|breaking news) (?:updates|alerts)\b.{0,60}\b"
    r"(?:each time|every time|whenever|as soon as)|free trial|we use cookies|use of cookies|cookie settings|"
    r"accept (?:all )?cookies|consent to (?:receiving )?(?:all )?cookies|"
    # ... and the standard text of a consent wall's ad-tech notice ("We and our 214 partners store and/or access
    # information on a device, such as cookies, and process personal data ...", "With your permission we and our
    # partners may use precise geolocation data ...", "You may click to consent to our and our partners' processing")
    # (not "precise geolocation data" alone, which a story about an app's tracking says; nor the notice's words in
    # quotation marks, which a story about consent banners quotes)
    r"(?:store|access) and/or (?:store|access) information on a device|"
    r"consent to our and our partners(?:'|’)? processing|"
    r"(?<![\"“‘'])\bwe and our (?:\d[\d,]* )?(?:partners|vendors)\b[^.!?\"”]{0,80}\b(?:cookies|personal data|geolocation|"
    r"device))\b",
    re.IGNORECASE,
)
NOTICE_MAX_CHARS = 400


# Every NOTICE_RE match contains one of these (lower-cased). Keep in step with NOTICE_RE.
NOTICE_KEYS: tuple[str, ...] = (
    "unsubscribe", "updates", "alerts", "free trial", "cookie", "information on a device", "geolocation",
    "and our partners", "we and our",
)


def _line_re(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # An open-ended tail (".*") is bounded, so a long paragraph that merely starts like clutter
    # ("Sign up for our newsletter" run into a whole article on one line) is not matched whole.
    return re.compile(r"^(?:" + "|".join(f"(?:{p.replace('.*', '.{0,250}')})" for p in patterns) + r")$", re.IGNORECASE)


LINE_RE = _line_re(LINE_PATTERNS)

# The LINE_PATTERNS that open with a bounded wildcard or a run of names cost a backtracking scan of
# every line tried, and each of their matches contains one of its keys (lower-cased): each runs on
# its own, only on lines holding one of its keys. A line matches LINE_RE exactly when it matches
# _LINE_PLAIN_RE or one of these. Keep in step with LINE_PATTERNS.
_LINE_KEYS: dict[str, tuple[str, ...]] = {
    r".{0,80}\bnewsletters?\b.{0,40}\b(?:inbox|sign up|subscribe)\b.*": ("newsletter",),
    r".{0,120}\bcontributed reporting\b.{0,120}": ("contributed reporting",),
    r"(?:[^\"“”.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Jr|Sr|St|Dr|Mr|Ms))\.|(?<=\bMrs)\.){0,120}\bcontributed to this (?:report|story|article)(?: (?:from|in) [\w.,'’ -]{2,60})?[.!]?": ("contributed to this",),
    r"(?:[\w.'’-]+ ){0,3}(?:writers|reporters|correspondents|journalists) [^!?]{2,240}? contributed to this "
    r"(?:report|story|article)[.!]?": ("contributed to this",),
    r"(?:our standards\s*:\s*)?the (?:[\w.'’&-]+ ){0,3}trust principles\.?": ("trust principles",),
    r".{0,80}\ball rights reserved\b.{0,80}": ("all rights reserved",),
    r".{0,60}\b(?:community guidelines|comment policy|keep comments civil|comment form|comments ?'? factual accuracy)\b.*": (
        "community guidelines", "comment policy", "keep comments civil", "comment form", "factual accuracy"),
    r".{0,400}\((?:ap|afp|reuters|getty|epa|upi)(?: images)? ?(?:photo|/).{0,80}\).*": (
        "(ap", "(afp", "(reuters", "(getty", "(epa", "(upi"),
    r".{0,400}\(photo(?:graph)?(?: by)?[:/ ].{0,80}\).*": ("(photo",),
    r"(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*\s?/\s?(?:AP|AFP|Reuters|Getty Images|EPA|UPI|Bloomberg|Shutterstock|"
    r"(?:The )?(?:[A-Z][\w&'’-]*\s?){1,4})": ("/",),
    r".{0,80}\b(?:become a (?:sustaining |monthly )?(?:member|subscriber|patron)|support (?:our|independent|local) (?:journalism|reporting|newsroom))\b.*": (
        "become a", "support "),
    r".{0,200}\btax[- ]deductible\b.*": ("deductible",),
    _UNDERTAKES_NO_OBLIGATION: ("undertake",),
    r"(?-i:[A-Z])[^.!?\"“”]{0,80}\bwill (?:host|hold|conduct|webcast) (?:a |an |its )?(?:live )?(?:conference call|"
    r"earnings call|investor call|webcast|call and webcast)\b[^\"“”]{0,250}": ("conference call", "earnings call",
                                                                           "investor call", "webcast"),
    r"[^\"“”]{0,160}\b(?:passcode|pass code|conference id|access code|participant code|replay code)\s?(?:is\s|:|#)?\s?\d{4,}\b[^\"“”]{0,200}": (
        "passcode", "pass code", "conference id", "access code", "participant code", "replay code"),
    r"[^\"“”]{0,80}\b(?:is|are) (?:provided )?for (?:general )?informational purposes only\b[^\"“”]{0,200}": (
        "informational purposes",),
    r"[^\"“”]{0,80}\b(?:assumes?|accepts?) no (?:responsibility|liability) for\b[^\"“”]{0,80}\b(?:use|content|"
    r"information|errors)\b[^\"“”]{0,160}": ("no responsibility", "no liability"),
    OPINION_DISCLAIMER: ("expressed", "editorial"),
    r"[^;\n]{5,400}?\b(?:1[89]|20)\d\d\s?;\s?\d{1,4}(?:\s?\(\s?[\w-]{1,8}\s?\))?\s?:\s?e?\d{1,6}(?:\s?[-–]\s?\d{1,6})?"
    r"\.?(?:\s*(?:doi:?\s?|https?://)\S{4,120})?": (";",),
    r"(?:we|(?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})) values? your privacy[.!]?": ("your privacy",),
}
# ... and these, named by a piece of their text (each piece in exactly one pattern): the patterns that can open with a
# word character (a run of words before "contributed", a transcript's name) are otherwise tried on every line, and an
# earnings call's and a release's lines on every line opening with the letters they may open with ("t", "a", "w")
_LINE_KEYS_BY_PIECE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?:[\w.'’-]+ ){0,3}(?:writers?|reporters?|correspondents?|photographers?|journalists?|researchers?) ",
     ("contributed",)),
    (r"on a rush deadline\b", ("rush deadline",)),
    (r"(?:and )?welcome to (?:the |today'?s )?", ("welcome to",)),
    (r"listen[- ]only mode\b", ("listen",)),
    (r"(?:is being|will be|is) recorded\b", ("recorded",)),
    (r"(?:hand|turn) (?:the (?:conference|call|floor|program|programme|meeting)|it|things) (?:back )?over to\b",
     ("over to",)),
    (r"(?:please )?go ahead[.!]?", ("go ahead",)),
    (r"(?:first|next|last|final|following) question (?:comes|is coming|will come|is) from\b", ("question",)),
    (r"(?:your|the) line is (?:now )?(?:open|live)", ("line is",)),
    (r"(?:this|that) (?:concludes|ends|completes) ", ("concludes", "ends", "completes")),
    (r"(?:you|everyone) may (?:now )?disconnect\b", ("disconnect",)),
    (r"thank you(?:,? operator)?,? (?:and )?", ("thank you",)),
    (r"for taking (?:my|our|the) questions?", ("for taking",)),
    (r"(?:turn|hand|pass) (?:the call|it|things|the floor|the discussion) (?:back )?over to\b", ("over to",)),
    (r"(?:for|to) (?:your )?questions\b", ("questions",)),
    (r"(?:also )?remind (?:you|everyone|listeners|participants)", ("remind",)),
    (r"(?:refer to|discuss|be discussing|use|reference) (?:certain )?non-gaap\b", ("non-gaap",)),
    (r"to (?:access|join|listen to|participate in) the (?:live )?(?:call|webcast|conference call|replay)\b",
     ("call", "webcast", "replay")),
    (r"(?:webcast|replay|recording|audio webcast)(?: and (?:a )?replay)?", ("webcast", "replay", "recording")),
    (r"release (?:contains|includes|presents|uses|refers to)", ("release",)),
    (r"management believes (?:that )?", ("management believes",)),
    (r"non-gaap (?:financial )?(?:measures|results|information) (?:should", ("non-gaap",)),
    (r"an? (?:full )?reconciliation of", ("reconciliation",)),
    (r"(?:rating|recommendation)s?\s*:", ("rating", "recommendation")),
    (r"(?:price )?target\s*:", ("target",)),
    (r"our standards\s*:.{0,80}", ("our standards",)),
    (r"(?:this|the) transcript (?:was|has been|is|may be) (?:prepared", ("transcript",)),
    (r"(?:joining me|with me|here with me)", ("today",)),
    (r"(?:thanks?|thank you)(?: very much| so much)?,? (?-i:[A-Z])", ("thank",)),
    (r"thank you (?:all |everyone )?for joining us", ("for joining",)),
)
for _piece, _keys in _LINE_KEYS_BY_PIECE:
    _holders = [p for p in LINE_PATTERNS if _piece in p and p not in _LINE_KEYS]
    if len(_holders) != 1:  # pragma: no cover - a pattern was edited, not its piece
        raise RuntimeError(f"_LINE_KEYS_BY_PIECE: {_piece!r} is in {len(_holders)} patterns without keys")
    _LINE_KEYS[_holders[0]] = _keys
if not set(_LINE_KEYS) <= set(LINE_PATTERNS):  # pragma: no cover - a pattern was edited, not its key
    raise RuntimeError(f"_LINE_KEYS out of step with LINE_PATTERNS: {sorted(set(_LINE_KEYS) - set(LINE_PATTERNS))}")
_LINE_PLAIN = tuple(p for p in LINE_PATTERNS if p not in _LINE_KEYS)
_LINE_PLAIN_RE = _line_re(_LINE_PLAIN)


# the regular expression parser's own modules (not in typeshed): the patterns' first characters, see _by_first_char
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")
_ASCII_OF_CATEGORY: dict[Any, frozenset[str]] = {
    _constants.CATEGORY_SPACE: frozenset(chr(k) for k in range(128) if chr(k).isspace()),
    _constants.CATEGORY_DIGIT: frozenset("0123456789"),
}


def _first_chars(items: Any) -> tuple[frozenset[str] | None, bool]:
    """The characters (lower-cased) that a match of the parsed case-insensitive pattern ``items`` can start
    with, None when any (or unknown); and whether it can match the empty string."""
    c = _constants
    first: set[str] = set()
    for op, av in items:
        if op is c.AT:  # (a zero-width anchor: the next item starts the match)
            continue
        if op is c.LITERAL:
            return frozenset(first | {chr(av).lower()}), False
        if op is c.IN:
            for kind, x in av:
                if kind is c.LITERAL:
                    first.add(chr(x).lower())
                elif kind is c.RANGE and x[1] - x[0] < 256:
                    first.update(chr(k).lower() for k in range(x[0], x[1] + 1))
                elif kind is c.CATEGORY and x in _ASCII_OF_CATEGORY:  # (its characters outside ASCII: see below)
                    first.update(_ASCII_OF_CATEGORY[x])
                else:  # (a negated set or a category such as \w)
                    return None, False
            return frozenset(first), False
        if op is c.SUBPATTERN or op is c.BRANCH or op in (c.MAX_REPEAT, c.MIN_REPEAT):
            if op is c.SUBPATTERN:
                alternatives, nullable_item = [av[3]], False
            elif op is c.BRANCH:
                alternatives, nullable_item = av[1], False
            else:
                alternatives, nullable_item = [av[2]], av[0] == 0
            for alt in alternatives:
                got, nullable = _first_chars(alt)
                if got is None:
                    return None, False
                first |= got
                nullable_item = nullable_item or nullable
            if not nullable_item:
                return frozenset(first), False
            continue
        return None, False  # (any character, a group reference, a lookaround ...)
    return frozenset(first), True


def _by_first_char(patterns: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """For each ASCII character that some pattern's match can start with (lower-cased), ``_line_re`` of the
    patterns whose matches can start with it: a line matches ``_line_re(patterns)`` exactly when it matches
    the one of its first character (when that is ASCII: ``keys_are_exact`` lists the other characters
    that a case-insensitive pattern matches to an ASCII letter), and none when it has no entry."""
    starts = []
    for p in patterns:
        got, nullable = _first_chars(_parser.parse(p.replace(".*", ".{0,250}"), re.IGNORECASE))
        starts.append(None if got is None or nullable else got)
    chars = {ch for got in starts if got is not None for ch in got if ch.isascii()}
    if any(got is None for got in starts):
        chars = {chr(k).lower() for k in range(128)}
    return {
        ch: _line_re(tuple(p for p, got in zip(patterns, starts, strict=True) if got is None or ch in got))
        for ch in sorted(chars)
    }


_LINE_PLAIN_BY_FIRST = _by_first_char(_LINE_PLAIN)


def _line_plain_match(line: str) -> bool:
    """``_LINE_PLAIN_RE.match(line) is not None``, trying only the patterns that can start with its first character."""
    head = line[:1]
    if not head.isascii() or not head:
        return _LINE_PLAIN_RE.match(line) is not None
    rx = _LINE_PLAIN_BY_FIRST.get(head.lower())
    return rx is not None and rx.match(line) is not None
_LINE_KEYED: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (keys, _line_re((p,))) for p, keys in _LINE_KEYS.items()
)

# The characters outside ASCII that an IGNORECASE pattern matches to an ASCII letter (İ, ı, ſ and
# the Kelvin sign K; tests/test_clean.py checks every code point).
_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def keys_are_exact(text: str) -> bool:
    """True when ``text.lower()`` contains every run of ASCII letters, digits and punctuation that a
    case-insensitive pattern's literal matches in ``text`` (lower-cased): so a key missing from
    ``text.lower()`` proves a pattern whose every match holds that key cannot match."""
    return text.isascii() or not any(map(text.__contains__, _ASCII_FOLDS))


def may_hold(text: str, keys: tuple[str, ...]) -> bool:
    """False only when ``text`` provably holds none of ``keys`` (lower-cased literals that every match of
    some case-insensitive pattern contains), so that pattern need not run on it."""
    return holds_key(text.lower() if keys_are_exact(text) else None, keys)


def holds_key(low: str | None, keys: tuple[str, ...]) -> bool:
    """``may_hold`` on a text already lower-cased (None: one whose keys prove nothing, ``keys_are_exact`` false)."""
    if low is None:
        return True
    for k in keys:  # (a plain loop, not any(): these tests are most of the cost once the regexes are skipped)
        if k in low:
            return True
    return False


@dataclass(frozen=True)
class LineKeys:
    """Which of ``is_clutter_line``'s keyed patterns a text may hold (``line_keys``): so may any part of it."""

    keyed: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # the _LINE_KEYED entries with a key in the text
    notice: bool                                                 # a NOTICE_KEYS key is in it


_NO_PROOF = LineKeys(_LINE_KEYED, True)
# every key of _LINE_KEYED once, and the entries (indices, in order) that each opens
_LINE_KEY_LIST = tuple(dict.fromkeys(k for keys, _ in _LINE_KEYED for k in keys))
_LINE_KEYED_OF = {k: tuple(i for i, (keys, _) in enumerate(_LINE_KEYED) if k in keys) for k in _LINE_KEY_LIST}


def _keyed_holding(low: str) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """The _LINE_KEYED entries (in order) with a key in ``low``: each key looked for once, in C, not entry by entry."""
    present = list(filter(low.__contains__, _LINE_KEY_LIST))
    if not present:
        return ()
    if len(present) == 1:
        return tuple(_LINE_KEYED[i] for i in _LINE_KEYED_OF[present[0]])
    return tuple(_LINE_KEYED[i] for i in sorted({i for k in present for i in _LINE_KEYED_OF[k]}))


def line_keys(text: str) -> LineKeys:
    """The keyed patterns of ``is_clutter_line`` that ``text`` or a part of it may match: only those with a key
    in ``text.lower()`` (a key missing from a text is missing from each of its substrings, which
    ``keys_are_exact`` too); all of them when ``keys_are_exact(text)`` fails."""
    if not keys_are_exact(text):
        return _NO_PROOF
    low = text.lower()
    return LineKeys(_keyed_holding(low), any(map(low.__contains__, NOTICE_KEYS)))


def is_clutter_line(line: str, within: LineKeys | None = None) -> bool:
    """A whole line (or sentence) of clutter: LINE_RE, or a short one carrying a NOTICE_RE notice.
    ``within``: ``line_keys`` of a text that ``line`` is a substring of (a paragraph's sentence), so
    that the keys that text lacks are not looked for again."""
    if _line_plain_match(line):
        return True
    # (plain loops, not any(): the key tests are most of the cost once the regexes are skipped)
    if not keys_are_exact(line):
        if any(rx.match(line) is not None for _, rx in _LINE_KEYED):
            return True
        return len(line) <= NOTICE_MAX_CHARS and NOTICE_RE.search(line) is not None
    if within is None:
        low = line.lower()
        for _, rx in _keyed_holding(low):
            if rx.match(line) is not None:
                return True
        notice = True
    else:
        keyed, notice = within.keyed, within.notice
        if not keyed and (not notice or len(line) > NOTICE_MAX_CHARS):
            return False
        low = line.lower()
        for keys, rx in keyed:
            for k in keys:
                if k in low:
                    if rx.match(line) is not None:
                        return True
                    break
    if len(line) > NOTICE_MAX_CHARS or not notice:
        return False
    for k in NOTICE_KEYS:
        if k in low:
            return NOTICE_RE.search(line) is not None
    return False


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)


# Widget text and photo credits glued into a sentence: a flattened page runs a video player's message,
# a share bar, a "continue reading" link or a caption's credit into the article's next sentence ("Media
# playback is unsupported on your device media caption watch the convoy ..."). A sentence holding one is
# clutter whatever else it says. Credits are the parenthesized kind only: "LONDON (AP) —" is a dateline.
_SOCIAL = r"(?:facebook|twitter|google plus|linkedin|pinterest|reddit|whatsapp|email|e-mail|embed)"
# the last word of a photo credit's organisation ("Jane Doe/The Washington Post", "John Smith/Getty Images")
_CREDIT_ORG = (
    r"(?:times|post|news|press|images|wire|journal|tribune|herald|courier|ledger|daily|reuters|ap|afp|epa|upi|getty|"
    r"bloomberg|agency|service|globe|chronicle|gazette|star|sun|record|pool|nasa|photos?|magazine|tv|network)"
)
# where someone stands in a photo, as its caption says ("far left", "second from right", "center")
_PLACE_IN_PICTURE = (
    r"(?:(?:far |second from |third from |2nd from |3rd from |second |third |fourth |bottom |top |back |front |standing )?"
    r"(?:left|right)"
    r"|center|centre)"
)
# what follows "left, and" when "left" is a verb in a run of actions, not a place in a picture ("..., left, and never
# came back", "..., left, and called the police"; a name after a caption's "left, and" is no past tense: "jared")
_LEFT_THEN_VERB = (
    r"(?:then|later|never|soon|quickly|immediately|eventually|came|went|drove|ran|took|got|told|said|"
    r"(?!(?:[a-z]*fred|mildred|mohamm?ed|ahmed|hamed|jared)\b)[a-z]{4,}ed)\b"  # (not "wilfred", "mohamed")
)
# GLUED_RE's alternatives, each with the keys (lower-cased) that every one of its matches contains. Keep in step.
GLUED_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bmedia playback is unsupported\b", ("playback",)),
    (r"\bmedia caption\b", ("media caption",)),
    (r"\bplease (?:enable|turn on) javascript\b", ("javascript",)),  # (BBC: "<headline> please turn on javascript.")
    (r"\bcontinue reading the main story\b", ("continue reading",)),
    (r"\bcould not subscribe\b", ("could not subscribe",)),
    (r"\bkeep up with this story and more\b", ("keep up with this story",)),
    (r"\btext size\s*-\s*\+\s*reset\b", ("text size",)),
    (r"\badd\b[\w'’ -]{1,60}\bas an interest to stay up to date\b", ("as an interest",)),
    (r"^\s*story highlights\b", ("story highlights",)),
    (r"\b" + _SOCIAL + r"(?:\s+" + _SOCIAL + r"){2,}\b",
     ("facebook", "twitter", "google plus", "linkedin", "pinterest", "reddit", "whatsapp", "mail", "embed")),
    (r"\(\s*(?:associated press|getty images|ap photo\b[^()]{0,80}|[^()]{0,80}\bvia (?:ap|getty images|reuters))\s*\)",
     ("associated press", "getty images", "ap photo", "via ")),
    (r"\bin this (?:[\w.,'’ ]{0,40}? )?(?:file )?photo(?:graph)?\b", ("photo",)),
    # ... an image's or a picture's ("Areas in red are seriously short of water in this image from nasa.", "... is shown
    # in this handout image released on october 22, 2014.", "... in this still image taken from security camera
    # footage."; not "in this image-conscious town", "the bigger picture in this town")
    (r"\bin this (?:(?:[a-z]+day,? )?[a-z]{3,9}\.? \d{1,2},? (?:\d{4},? )?)?(?:file |handout |undated |still |satellite |"
     r"video |aerial |citizen journalism )?(?:image|picture)s?\b(?![-\w'’])", ("image", "picture")),
    (r"\bskip in skip\b", ("skip in skip",)),
    (r"\bembed x share\b", ("embed",)),
    (r"\border presentation-ready copies\b", ("presentation-ready",)),
    (r"\blooking for news you can trust\b", ("news you can trust",)),
    (r"\b\d{1,2}: ?\d{2} ?[ap]\.?m\.? [a-z]{1,3}t (?:mon|tue|wed|thu|fri|sat|sun)\w*,? \d{1,2} [a-z]{3,9}\.? \d{4}\s*\|",
     ("|",)),
    (r"(?:^|\s)\|\s*(?:getty(?: images)?|ap|reuters|afp|epa)\b", ("|",)),
    (r"\(\s*[a-z][\w.'’-]*(?: [\w.'’-]+){1,3}\s*/\s*(?:the )?(?:[\w&.'’-]+ ){0,4}" + _CREDIT_ORG + r"\s*\)", ("/",)),
    (r"^\s*(?:[a-z][\w.'’-]* ){1,3}[a-z][\w.'’-]*/(?:ap|afp|reuters|getty images|epa)\b", ("/",)),
    (r"\(\s*all times local\s*\)", ("all times local",)),
    (r"[?&][a-z_][\w.]{0,30}=\w", ("=",)),
    (r"\bon (?:twitter|facebook|instagram)\s*:\s*@", ("@",)),
    (r"\badd this (?:tweet|video) to your website\b", ("add this ",)),
    (r"\ba link to this page will be included\b", ("a link to this page",)),
    (r"\bour journalism takes\b", ("our journalism",)),
    (r"\bfor more(?: information)?,? visit\b", ("for more",)),
    (r"^\s*\d+ (?:years?|months?|weeks?|days?|hours?|minutes?) ago\s*[(–—|]", (" ago",)),
    (r"^\s*view archive\b", ("view archive",)),
    (r"\benter the characters\b", ("enter the characters",)),
    (r"\ba friend wanted you to see this\b", ("a friend wanted",)),
    (r"\bthis (?:story|article|post) has been updated to\b", ("has been updated",)),
    (r"\btoggle caption\b", ("toggle caption",)),
    (r"—\s*[\w.'’ -]{2,40}\(\s*@\w{1,15}\s*\)\s*(?:" + MONTHS + r")\.?\s+\d{1,2},\s+\d{4}", ("@",)),
    # a related story's label and headline run into the text ("Related content kangaroos are lefties ... now,
    # scientists have found ..."), a gallery's or a video player's controls, a share bar's "share tweet",
    # breadcrumbs ("> video > most popular ..."), a "scroll down" pointer
    (r"^\s*(?:more )?related(?:\s+(?:story|stories|content|coverage|articles?|links?|video|to this story))?\s*[:|]",
     ("related",)),
    (r"^\s*(?:more )?related (?:story|stories|content|coverage|articles?|links?|to this story)\b", ("related",)),
    (r"\bhide caption\b", ("hide caption",)),
    (r"\b\d+ of \d+ photos\b", (" photos",)),
    (r"\b(?:share tweet|tweet share)\b", ("tweet",)),
    (r"\s-\s+tweet\s", ("tweet",)),
    (r"(?:^|\s)>\s*[a-z][\w ]{0,19}?\s*>\s", (">",)),
    (r"►", ("►",)),
    (r"\bscroll down for\b", ("scroll down for",)),
    (r"^\s*image caption\b", ("image caption",)),
    # a video's description: "Subscribe to the late show channel here: http://bit.ly/..."
    (r"^\s*subscribe\b[^.!?]{0,100}?https?://", ("subscribe",)),
    # a page's instructions to its reader, run into the story or standing as a sentence (all 5,622 Multi-News briefs
    # at 250 words held about 60): "Click here to receive a mailed, printed copy ...", "Click through this slideshow
    # to ...", "... please click here.", "Click on the map for a larger view."; prose clicks in the past or on a link
    (r"^\s*(?:please\s+)?click\b(?!\s*(?:,|(?:and|or)\b))|\b(?:please|just)\s+click\b|\bclick\s+(?:here|below|above|ok)\b"
     r"|\bclick (?:on |through )?(?:the |this |each |a )?(?:map|image|photo|name|dish|slideshow|gallery)s?"
     r"\b[^.!?]{0,40}?\b(?:for|to|below|above)\b|\bclick to (?:view|listen|enlarge|see|play|watch|read)\b"
     r"|\bclick or tap\b", ("click",)),
    (r"\btap or click\b", ("tap or click",)),
    # a gallery's counter before each picture's headline and caption ("3/46 jeremy hunt announces ... the nhs will be
    # asked ...", "Just giving 2/46 government to review ...", "1/47 20 february 2018 jane roe is introduced as ..."):
    # more pictures than a month has days, so no date; not "50/50", nor a fraction ("1/100 of a second separated ...")
    (r"^\s*(?:just giving\s+)?(?!(\d{1,3})/\1\b)\d{1,3}/(?:3[2-9]|[4-9]\d|[1-9]\d\d)\s+(?!(?:of|an?|inch|inches|mile|"
     r"miles|seconds?|cups?|teaspoons?|tablespoons?)\b)(?:\d{1,2}\s+)?[a-z]", ("/",)),
    # ... a consent, sign-up or subscription form ("By clicking "i agree " below, you consent to ... cookies",
    # "Sign up for breaking news alerts from nbc news but physicians ...", "... never miss our top stories free sign
    # up the results, ...", "Premium content for only $ 0.99 ..., subscribe today.")
    (r"\bby (?:clicking|signing up|entering your e-?mail)\b[^.!?]{0,120}?\byou(?:'re| are)?\s+(?:agree|consent|accept)",
     ("by clicking", "by signing up", "by entering your")),
    (r"\bsign up (?:here|now|today|for (?:our|breaking)\b[^.!?]{0,40}?\b(?:newsletters?|alerts|brief|updates)"
     r"|for the\b[^.!?]{0,40}?\b(?:newsletters?|brief))\b"
     r"|\b(?:free|e-?mail) sign up\b|\bwhy don['’]?t you sign up\b", ("sign up",)),
    (r"\bnever miss (?:a|our|another) (?:local |top )?(?:story|stories|top stories|headline)", ("never miss",)),
    (r"\bsubscribe (?:today|now|here)\b|^\s*subscribe\s*:|\bsubscribe to \w+ and get\b|\bpremium content for only\b",
     ("subscribe", "premium content")),
    # ... a browser notice ("Please enable cookies ...", "To enjoy hulu.com, you'll need to enable javascript ...",
    # "Cookies cannot be used to identify you personally.") and a social or e-mail pitch ("Follow us at @worldsportcnn
    # and like us on facebook", "Email us at ... with ideas for stories", "Order now and we'll deliver ...")
    (r"\b(?:enable|disabl\w+)\s+(?:\w+\s+)?(?:cookies|javascript)\b|\bjavascript (?:is )?disabled\b"
     r"|\bcookies? (?:policy|cannot be used|settings)\b|\bour (?:website|site)(?:'s)? (?:uses )?cookies?\b",
     ("cookie", "javascript")),
    # ... a writer's or a press office's contact ("Kimberly redmond may be reached at ...", "( e-mail, lbazzano@tulane.edu
    # )", "contact: mark mellinger, ..., 865-696-1870, mmellinger@baby4me.net"): an e-mail address, unless quoted
    # ("romney used the address " mittromney@hotmail.com " to ..."), and an embedded post's link or label
    (r"\b(?:can|may) be (?:reached|contacted) at\s*(?:[\w.+-]+@|\(?\d{3})"
     r"|(?<![\"“'] )(?<![\"“'\w.+-])(?<!\baddress )(?<!\baccount )(?<!\baccount, )(?<!\bhandle )(?<!\bdomain )"
     r"(?<!\bnamed )(?<!\bcalled )(?<!\busing )(?<!\bused )[\w.+-]+@[\w-]+\.[\w.-]*[a-z]{2}\b",
     ("reached at", "contacted at", "@")),
    (r"\bpic\.twitter\.com/|\bview this post on instagram\b", ("pic.twitter", "view this post")),
    # a wiki's edit link, an obfuscated address, a player's notice in brackets ("history [ edit ] until 1834, ...",
    # "Send tips to [ email protected ] bob dylan has ...", "[ video unavailable on this device ].")
    (r"\[\s*(?:edit|email protected|video unavailable\b[^\]]{0,40})\s*\]", ("[",)),
    # a video player's transcript buttons ("... share shares copy link copy hide transcript show transcript webvtt ...")
    # (the pair of buttons: not "the judge agreed to show transcript pages to the jury"; all 4 in Multi-News are pairs)
    (r"\b(?:show transcript hide transcript|hide transcript show transcript)\b", ("transcript",)),
    # an ad slot's note inside a sentence ("Watch: madonna's halftime show performance ( article continues below ): ...")
    (r"\barticle continues below\b", ("article continues",)),
    (r"\b(?:follow|like|find) us (?:on|at)\b|^\s*(?:please\s+)?e-?mail us\b|\bplease e-?mail us\b|^\s*order now\b",
     ("follow us", "like us", "find us", "mail us", "order now")),
    # a photo caption's pointer to where someone stands in the picture ("Jane doe, left, and her lawyer, right, arrive
    # at ...", "From left, ...", "... ( second from right ) ...") or a sentence's pointer to a picture of the page
    # ("the ad ( above ) has ...", "... chase carey ( pictured ) made ..."): all 5,622 Multi-News briefs at 250 words
    # held 89. Not a list of directions ("the left, right and centre") nor a party ("( r )")
    # (two parts, each keyed on what all its matches hold: "top", "above" or "right" alone are common words)
    # ... nor an interjection ("Oh, right, ...", "Yeah, right, ...") nor the verb in a run of actions ("He paid the
    # bill, left, and never came back.", "She grabbed her coat, left, then called the police")
    (r"(?<=\w)(?<!\bleft)(?<!\bright)(?<!\bcenter)(?<!\bcentre)(?<!\boh)(?<!\bah)(?<!\byeah)(?<!\byes)(?<!\bok)"
     r"(?<!\bokay)(?<!\bsure)(?<!\bwell)(?<!\buh)(?<!\bum), (?!left, (?:then\b|(?:and|but) " + _LEFT_THEN_VERB + r"))"
     + _PLACE_IN_PICTURE + r", "
     r"|^\s*from (?:left|right)(?: to (?:right|left))?,",
     ("left,", "right,", "center,", "centre,")),
    (r"\(\s*(?:" + _PLACE_IN_PICTURE + r"(?:,? (?:foreground|background|front|rear|row))?|top|bottom|above|below|"
     r"pictured(?:,? (?:above|below|left|right|top|center|centre|here))?|front row[^()]{0,40})\s*\)",
     ("(",)),
)
GLUED_RE = re.compile("|".join(p for p, _ in GLUED_PARTS), re.IGNORECASE)
# Every GLUED_RE match contains one of these (lower-cased).
GLUED_KEYS: tuple[str, ...] = tuple(dict.fromkeys(k for _, keys in GLUED_PARTS for k in keys))
# One alternation tries every alternative at every character (~100 us a sentence); each part on its own
# runs only on text holding one of its keys. Text matches GLUED_RE exactly when some part matches.
_GLUED_KEYED: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (keys, re.compile(p, re.IGNORECASE)) for p, keys in GLUED_PARTS
)


def has_glued_clutter(text: str) -> bool:
    """``GLUED_RE.search(text) is not None``, running only the parts whose keys ``text`` holds."""
    if not keys_are_exact(text):
        return GLUED_RE.search(text) is not None
    low = text.lower()
    for keys, rx in _GLUED_KEYED:  # (plain loops, as in is_clutter_line)
        for k in keys:
            if k in low:
                if rx.search(text) is not None:
                    return True
                break
    return False


# A wire photo's caption as extracted text keeps: present-tense description, then the place and the full
# date after a comma ("... at the scene in Tel Aviv, Israel, Wednesday, June 8, 2016."). News prose dates
# an event "on Wednesday", not with a trailing ", Wednesday, June 8, 2016."
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"  # (for case-insensitive patterns)
CAPTION_DATE_RE = re.compile(
    r",\s*" + WEEKDAY + r",?\s+(?:" + MONTHS + r")\.?\s+\d{1,2},\s+\d{4}"
    r"(?:,\s+in\s+[\w.'’ -]{2,40}?)?\.?[\"”’']?\s*$",  # (AP's "..., Tuesday, May 6, 2014, in Washington.")
    re.IGNORECASE,
)
# ... and a caption whose full date follows its place with no preposition ("... in Ottawa, Canada, April 20, 2016.",
# "... in Washington saturday, Oct. 30, 2010.", "The Alamo shrine in San Antonio, Texas, Jan. 19, 2011."). Prose
# introduces a date ("on April 20, 2016", "since", "as of", "set December 17, 1932", "announced Monday, May 7"); a
# caption is in the present tense, so a sentence that opens in the past ("Challenger exploded 73 seconds after liftoff
# from the Kennedy Space Center Jan. 28, 1986.", "The span opened to traffic May 4, 1961.") or looks ahead ("will
# launch in Portland July 19, 2017") is prose. (Multi-News clusters 0-2,999: 129 document sentences end so beyond
# CAPTION_DATE_RE's; reading them all, each was a caption or ran into one. The tense test costs ~12 captions there.)
_DATE_INTRODUCERS = (
    r"on|of|as|since|until|till|by|from|before|after|to|through|in|at|between|and|or|than|for|is|are|was|were|be|been|"
    r"being|dated|effective|starting|beginning|ending|began|begun|born|died|start|starts|begin|begins|end|ends|open|"
    r"opens|close|closes|launch|debut|circa|around|about|late|early|mid|last|next|this|that|the|a|every|each|set|"
    r"morning|afternoon|evening|night|\w+ed"
)
# (a full date closing a caption: "April 20, 2016." / "Oct. 3 2024.")
_FULL_DATE_END = r"(?:" + MONTHS + r")\.?\s+\d{1,2},?\s+(?:1[89]|20)\d\d\s*\.[\"”’']?\s*$"
CAPTION_PLACE_DATE_RE = re.compile(
    r"(?<![\w.'’-])(?!(?:" + _DATE_INTRODUCERS + "|" + WEEKDAY + r")\b)[\w.'’)-]+,?\s+"
    r"(?:" + WEEKDAY + r",?\s+)?" + _FULL_DATE_END,
    re.IGNORECASE,
)
# ... and one whose weekday and full date follow "on" ("... in eden prairie on monday, sept. 15, 2014.", "... in
# kennesaw, ga., on tuesday, april 29, 2014."), in a caption's tense: prose dates an event so too, but in the past
# ("went missing on friday, december 2, 2016."), ahead ("will commence ... on friday, aug. 1, 2014.", "The exhibit
# opens on ...") or after a verb ("was on friday, ..."). Multi-News clusters 0-2,999: 53 document sentences end so
# beyond the two patterns above, and the 43 this takes were all captions; clusters 3000-5621: 48 of 48.
CAPTION_ON_DATE_RE = re.compile(
    r"(?:^|(?<=\s))(?:(?!(?:" + _DATE_INTRODUCERS + r"|opens|begins|starts|ends|runs|closes|airs|premieres|falls|happens|"
    r"comes|goes|arrives|place|polls|due|scheduled|planned|slated)\b)[\w.,'’)-]+\s+)on\s+" + WEEKDAY + r",?\s+"
    + _FULL_DATE_END,
    re.IGNORECASE,
)
# ... and AP's place after such a date ("An 1873 dime from carson city, nev., is displayed on friday, aug. 10, 2012, in
# philadelphia."), with the same tests of tense
CAPTION_ON_DATE_PLACE_RE = re.compile(
    r"\bon\s+" + WEEKDAY + r",?\s+(?:" + MONTHS + r")\.?\s+\d{1,2},\s+\d{4},\s+in\s+"
    r"[\w.'’-]+(?: [\w.'’-]+){0,3}(?:, [\w.'’-]+(?: [\w.'’-]+){0,2})?\.?[\"”’']?\s*$",  # (a place: "provo", "lakeport, ohio")
    re.IGNORECASE,
)
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|shall|takes effect|is due|are due|is scheduled|are scheduled|expires|deadline)\b", re.IGNORECASE)
# a past tense (a regular one, or a common irregular one) or a reporting verb: not a passive's or a perfect's
# participle, one before "by", "to", "in", "at" or "from" ("sponsored by", "assigned to"), after an article, a
# possessive or "recently", "former" ("the closed bridge", "newly-elected"), nor a name ("mohamed"); read in a
# sentence's first words
_PAST_TENSE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bwas )(?<!\bwere )(?<!\bhas )(?<!\bhave )"
    r"(?<!\bhad )(?<!\bnewly )(?<!\bget )(?<!\bgets )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bhis )(?<!\bher )(?<!\bits )"
    r"(?<!\btheir )(?<!\brecently )(?<!\bformer )(?<!-)\b(?!(?:mohamed|mohammed|ahmed|united|hundred|associated)\b)"
    r"(?:\w{3,}ed|was|were|had|did|fell|went|began|won|lost|gave|made|took|came|hit|broke|sank|shot|spoke|met|left|held|"
    r"led|ran|saw|found|wrote|became|got|sent|struck|rose|flew|fled|told|sold|paid|built|died|say|says|said)\b"
    r"(?! (?:by|to|in|at|from)\b)",
    re.IGNORECASE,
)
_TENSE_WORDS = 10


def is_dated_caption(text: str) -> bool:
    """A wire photo's caption: its full date after the weekday (CAPTION_DATE_RE), or after the place
    (CAPTION_PLACE_DATE_RE) or "on" and a weekday (CAPTION_ON_DATE_RE) in a sentence that neither opens in the past
    nor looks ahead."""
    t = text.strip()
    if t[-1:] not in ".\"”’'0123456789":
        return False
    tail = t[-200:]
    if not t.rstrip(".\"”’' ")[-4:].isdigit():  # (a year must end it, or a place after it: asked of every picked sentence)
        if ", in " not in tail:
            return False
        if CAPTION_DATE_RE.search(tail) is not None:
            return _caption_tense(t)
        return CAPTION_ON_DATE_PLACE_RE.search(tail) is not None and _caption_tense(t) and _on_date_caption_tense(t)
    if CAPTION_DATE_RE.search(tail) is not None:
        return True
    if CAPTION_PLACE_DATE_RE.search(tail) is not None:
        return _caption_tense(t)
    return CAPTION_ON_DATE_RE.search(tail) is not None and _caption_tense(t) and _on_date_caption_tense(t)


# A sentence dated after "on" that is prose, not a caption: it looks ahead in other words than _LOOKS_AHEAD's ("is
# expected to resume ... on monday, jan. 6, 2020.", "services are planned for ...", "the couple plan to marry ...") or
# its main verb is in the past beyond the first _TENSE_WORDS words ("a 34-year-old former employee ..., identified by
# police as john smith, was arrested ... on ..."). A caption's past verb is in a clause of its own ("... a roof damaged
# after it barreled across ...", "an amtrak train that derailed south of seattle on ...").
_ON_DATE_AHEAD = re.compile(
    r"\b(?:expected|set|plans?|planning|planned|scheduled|slated|hopes?|hoping|intends?|aims?|going|poised|is|are)"
    r"\s+(?:to|for)\b|\bfaces?\b", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset(("that", "which", "who", "whom", "whose", "after", "when", "where", "before", "since",
                             "while", "because", "until"))


def _last_clause_opener(before: str) -> int | None:
    """Where the last of _CLAUSE_OPENERS among the last five words of ``before`` starts (None when none is)."""
    words = list(re.finditer(r"[^\s,]+", before))[-5:]
    return next((w.start() for w in reversed(words) if w.group() in _CLAUSE_OPENERS), None)


def _on_date_caption_tense(t: str) -> bool:
    if _ON_DATE_AHEAD.search(t) is not None:
        return False
    t = re.split(r"\.\.\.|…", t)[-1]  # (the last of captions run together: "... military... ( associated press ) ...")
    for m in _PAST_TENSE.finditer(t):
        if t[m.end():m.end() + 4].lower() in (" of ", " wit", " for", " on "):
            continue  # a participle after a noun ("priests accused of ...")
        before = t[: m.start()].lower()
        if (opener := _last_clause_opener(before)) is None or "," in before[opener:]:
            return False  # (a clause closed by its comma before the main verb: "smith, who grew up in ohio, died on ...")
    return True


def _caption_tense(t: str) -> bool:
    """A caption's tense, the present: the sentence neither looks ahead, nor opens in the past, nor reports speech."""
    return _LOOKS_AHEAD.search(t) is None and _PAST_TENSE.search(" ".join(t.split(None, _TENSE_WORDS)[:_TENSE_WORDS])) is None


# A photo's credit on a line of its own ("Photo: Rita Okafor / Staff", "Tessa Nakamura / HCPR", "Courtesy of the
# Alder County Sheriff's Office", "(AP Photo/Jane Roe)"): the name in capitals, case-sensitive, for the line above it
# is then dropped as the photo's caption (see ``reads_as_caption``).
PHOTO_CREDIT_RE = re.compile(
    r"^(?:(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mage|[Cc]redit|CREDIT|[Ff]ile [Pp]hoto|[Cc]ourtesy)\s*(?::|by\b|of\b)\s*\S.{0,120}"
    r"|\(?(?:AP|AFP|Reuters|Getty Images|EPA|UPI)(?: Photo)?\s*/.{1,80}"
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} ?/ ?(?:[Tt]he )?[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|to|for|of|the)){0,4})$"
)


def is_photo_credit(line: str) -> bool:
    return len(line) <= 160 and PHOTO_CREDIT_RE.match(line) is not None


CAPTION_MAX_WORDS = 40


def reads_as_caption(line: str) -> bool:
    """A line that reads as a photo's caption: one sentence of at most CAPTION_MAX_WORDS words in a caption's tense
    (``_caption_tense``: the present, not the past of a story's sentence nor a quote's reported speech), no quotation."""
    t = line.strip()
    if not t or t[-1] not in ".!" or len(t.split()) > CAPTION_MAX_WORDS or any(q in t for q in "\"“”"):
        return False
    if re.search(r"[.!?]\s+[A-Z]", t[:-1]) is not None:  # (two sentences: a paragraph of the story)
        return False
    return _caption_tense(t)


GLUED_CHARS = 3000  # how much of a sentence GLUED_RE reads (a 1 MB "sentence" of one token costs no more)


# A short imperative pointing at the page's media, which a brief does not carry: "Watch the video below.",
# "See the photos above.", "Listen to them side-by-side for yourself.", "Take a look at the full list here."
# ... and a sentence about a table or chart of the page ("The table below lists the risk ...").
MEDIA_CUE_RE = re.compile(
    r"^(?:watch|see|view|check out|listen to|take a look at|have a look at|look at|click)\b[^.!?]{0,80}?"
    r"\b(?:below|above|here|for yourself)\s*[.!:]?[\"”’']?$"
    r"|^the (?:table|chart|map|graphic|infographic|graph|list|slideshow|gallery)s? (?:below|above)\b",
    re.IGNORECASE,
)
MEDIA_CUE_WORDS = 30


def is_media_cue(text: str) -> bool:
    """``MEDIA_CUE_RE`` on a sentence of at most MEDIA_CUE_WORDS words."""
    return len(text.split()) <= MEDIA_CUE_WORDS and MEDIA_CUE_RE.match(text) is not None


# A label that opens a related link, a gallery or an editor's note; the rest of the sentence is the link's headline run
# into the story, or the note about the page ("Photos: jon bon jovi shows off his abs in st. Barts "they run the
# risk ...", "More: how to live 100 years understanding that ...", "Note: javascript is disabled ...", "Correction:
# an earlier version of this story ..."). LINE_RE takes such lines up to 250 characters; in a brief no length is
# allowed. (All 5,622 Multi-News briefs at 250 words: 196 sentences opened with these labels, 76 with "Photos:".)
LABEL_OPENING_RE = re.compile(
    r"(?:photos?|more|see also|related|read|watch|videos?|gallery|exclusive (?:photos|video)|story|news|report|"
    r"image credit|picture|posted by|by|tweet published|follow [\w.]+|(?:editor'?s |please )?note|"
    r"corrections?(?: (?:&|and) clarifications?)?|clarifications?|warning|spoiler(?: alert| warning)?|"
    # ... a superseded paragraph kept under an updated story, or a link to an older one ("Earlier: Sheriff Dana Pruitt
    # said ... at least four people had died", "Previously: the radio city rockettes dancers are pushing back ...")
    r"earlier|previously|"
    # ... a credit, a contest widget or a study's back matter ("Photo credit: family photo/philadelphia police the
    # 22-year-old ...", "Expired: win universal studios ...", "Also pictured: jil sander shirt.", "Full coverage: boston
    # marathon attack ...", "See it: ...", "Acknowledgment: the authors thank ...", "Grant support: from the national
    # center ..."; a stamp before the story is trimmed instead: split._LEAD_CLUTTER)
    r"photo credit|expired|also pictured|full coverage|see it|acknowledg(?:e)?ments?|"
    r"grant support|funding|conflicts? of interest|disclosures?|"
    # ... and an abstract's background or objective ("Objective: to examine trends in ...": see LINE_PATTERNS)
    # ("Abstract objective: immune stimulation through exposure to commensal microbes may protect ...")
    r"(?-i:(?:Abstract\s+)?(?:Background|Context|Importance|Introduction|Objectives?|Aims?|Purpose|Rationale)|"
    r"Abstract\s+(?:background|context|importance|introduction|objectives?|aims?|purpose|rationale)))\s*:\s"
    r"|also read\b(?!\s+(?:into|at|aloud|out|by|from|to|in)\b)"  # ("Also read nbc scraps bill cosby comedy in wake of ...")
    # a pointer to what the page goes on to show ("Here are three things you need to know about niacin.", "Below is
    # the full statement: ...", "Here is president obama's full speech after ..."; not "Here is where ...")
    r"|(?:here|below|above) (?:is|are)\b(?! (?:where|when)\b)",
    re.IGNORECASE,
)


# A bar between words is a page's separator: navigation ("« previous | main | next »"), a byline or credit and its
# outlet ("thomas hawthorne, the republic | azcentral.com", "| andrew harnik/ap photo"), a video's time stamp. All 26
# of the 25,052 sentences of the first 1,500 Multi-News clusters' documents that hold one are such furniture; prose
# only has it in an outlet's name ("nola.com | the times-picayune").
_OUTLET_BAR = re.compile(r"\.com \| the ", re.IGNORECASE)
_BAR = re.compile(r"(?<!\S)\|(?!\S)")


def _holds_a_bar(text: str) -> bool:
    return "|" in text and _BAR.search(_OUTLET_BAR.sub(" ", text)) is not None


# A review's info box run into text: its credits ("written by darren aronofsky directed by darren aronofsky starring
# jennifer lawrence, ..."), a cast list ("Starring josh brolin, george clooney, ..."), a rating ("Rated r ( for
# language and sexual content ).", "* * 1/2 out of four stars"). Prose names a credit or two ("Directed by ross
# kauffman and katy chevigny, e-team follows ...", "The movie, directed by steven spielberg and starring tom hanks,
# opens friday"): three labels, or a label of the box's own ("genre:", "running time"), or a rating in its form.
_CREDIT_LABELS = re.compile(r"\b(?:written by|directed by|starring|produced by)\b", re.IGNORECASE)
_CREDIT_LINE = re.compile(
    r"^(?:starring|rated (?:g|pg|pg-13|r|nc-17)\s*\(|running time|runtime)|\bgenre\s*:"
    r"|(?:^|\*\s*)(?:\d|one|two|three|four)?\s*(?:1/2|½)?\s*out of (?:4|four|5|five) stars\b",
    re.IGNORECASE,
)


def _is_credit_box(text: str) -> bool:
    low = text.lower()  # (the patterns run only on text holding their words: this is asked of every picked sentence)
    if ("star" in low or "genre" in low or low.startswith(("rated", "running time", "runtime"))) and (
            _CREDIT_LINE.search(text) is not None):
        return True
    return low.count("by ") + low.count("starring") >= 3 and len(_CREDIT_LABELS.findall(text)) >= 3


# A link's footnote number that a print-friendly page sets after the linked words ("..., the Veyra Lake Patrol [1]
# said.", its "Links: [1] https://..." list under the story), or a reference's ("... opened in 1961.[3]"): the
# sentence is the page's, its mark is not, and a brief quotes sentences whole.
_NOTE_MARK_RE = re.compile(r"(?<=[\w.,;:!?\"”’)]) ?\[\d{1,3}\](?=[\s.,;:!?\"”’)]|$)")


# A form's check box, as SEC filings' Wingdings boxes come out in text (checked "ý", unchecked "¨"), standing alone
# between spaces: "Ý filed by a party other than the registrant.", "¨ check the appropriate box: ¨ preliminary ...". (A
# letter of a word stays: "Ýmir", "Tomý".)
_FORM_BOX_RE = re.compile(r"(?:^|\s)[¨ýÝ](?=\s)")
# A research paper's citation, the whole sentence: journal, volume, issue in parentheses, page or article number
# ("Plos one 8( 7 ): e69546.", "Nature 512 (7514): 310-313."); not a sentence citing one ("..., published in plos one
# 8( 7 ): e69546, found that ...").
_CITATION_RE = re.compile(
    r"[A-Za-z][\w .&'’-]{0,60}?\s\d{1,4}\s?\(\s?\d{1,4}\s?\)\s?:\s?e?\d{1,6}(?:\s?[-–]\s?\d{1,6})?\s?\.?$")


# A form's or a page's rule line of underscores ("... d.c. 20549 ______ schedule 14a information ..."); a blank to fill in is
# shorter ("the city needs ________ more buses"). split trims one over a sentence.
RULE_LINE = "_" * 20


# A finance site's live quote set into its prose beside a company's name ("Corran Systems (CRRN -14.01%) stock fell
# sharply ...", "(NASDAQ:ACME +2.3%)"): the widget's figure at the hour the page was read, not the writer's; a sentence
# holding one is no sentence of a brief.
_QUOTE_CHIP_RE = re.compile(
    r"\((?:(?:NASDAQ|NYSE|Nasdaq|Nyse|NYSEAMERICAN|AMEX|TSX|LSE|ASX|OTC)\s?:\s?)?[A-Z]{1,5}(?:\.[A-Z]{1,2})?,?\s?"
    r"[+\-−–▲▼]\s?\d{1,3}(?:\.\d{1,2})?%\)")


def is_clutter_sentence(text: str) -> bool:
    """A sentence of clutter (``is_clutter_line``), one with widget text or a photo credit glued into it
    (GLUED_RE), a cue to the page's media (``is_media_cue``), one opened by a link's or a note's label
    (LABEL_OPENING_RE), one holding a page's separator bar or a form's rule line, a review's credits or rating, or a photo caption
    (``is_dated_caption``): never a sentence of a brief."""
    t = text.strip()
    head = t[:GLUED_CHARS]  # (a page's clutter runs into a sentence's start; its length is bounded)
    if is_clutter_line(t) or has_glued_clutter(head) or is_media_cue(t) or LABEL_OPENING_RE.match(t) or _holds_a_bar(t):
        return True
    if RULE_LINE in t:
        return True  # a form's rule line: "... washington, d.c. 20549 ______ schedule 14a information ..."
    if ("¨" in t or "ý" in t or "Ý" in t) and _FORM_BOX_RE.search(t) is not None:
        return True  # a form's check box: "Ý filed by a party other than the registrant."
    if ":" in t and "(" in t and _CITATION_RE.match(t) is not None:
        return True  # a paper's citation: "Plos one 8( 7 ): e69546."
    if _is_credit_box(head):
        return True
    if t[:1] == "[" and t.rstrip(".!?\"”’' ")[-1:] == "]" and t.count("[") == 1:
        return True  # a related link or a note in brackets: "[ take the quiz — which season are you? ]"
    if "[" in t and _NOTE_MARK_RE.search(t) is not None:
        return True
    if "%)" in t and _QUOTE_CHIP_RE.search(t) is not None:
        return True
    if len(t) <= SIGN_OFF_CHARS and BROADCAST_SIGN_OFF_RE.match(t) is not None and (
            _SIGN_ON_OPENING_RE.match(t) is None or _BROADCAST_NAME_RE.search(t) is not None):
        return True
    return is_dated_caption(t)


# A broadcast's own furniture in its transcript: the presenter's or reporter's sign-on and sign-off, naming the station
# ("For Pennick Public Radio, I'm Nora Halvorsen in Caddow Falls.", "I'm Graham Sutter.", "This is Pennick Morning from
# Pennick Public Radio.", "Welcome to The Noon Report.") and the hand-over to a report ("Pennick Public Radio's Nora
# Halvorsen reports.", "Nora Halvorsen reports from Caddow Falls."): names in capitals, and nothing else in the
# sentence. (Not "This is a disaster from start to finish.", "For the city, I'm told, it is ...", "Police reports
# show ...".)
_CAP_WORDS = r"(?:[A-Z0-9][\w'’&.-]*)(?:[ \t]+(?:[A-Z0-9][\w'’&.-]*|of|the|and|on|de|la))*"
_PERSON = r"[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}"
BROADCAST_SIGN_OFF_RE = re.compile(
    rf"(?:(?:For|From|With|Reporting for|Reporting from|Reporting live from|Reporting live in)[ \t]+{_CAP_WORDS},?[ \t]+)?"
    rf"(?:I'm|I’m|I am|this is|This is)[ \t]+{_PERSON}"
    rf"(?:,?[ \t]+(?:in|at|from|outside|near|for|with)[ \t]+{_CAP_WORDS})?[ \t]*[.!]?[\"”’']?$"
    rf"|(?:This is|You're listening to|You’re listening to|You are listening to|You're watching|You’re watching|"
    rf"You are watching|Welcome to|Welcome back to)[ \t]+{_CAP_WORDS}[ \t]*[.!]$"
    rf"|(?:{_CAP_WORDS}['’]s[ \t]+)?{_PERSON}[ \t]+(?:reports|has more|has the story|has this report)"
    rf"(?:[ \t]+(?:from|in|on)[ \t]+{_CAP_WORDS})?[ \t]*[.!]$"
)
SIGN_OFF_CHARS = 160
# "This is ..." and "Welcome to ..." are a sign-on only when they name a broadcast (a station's or programme's word,
# or its call letters): not "This is America.", "This is Not Normal.", "Welcome to Fort Myers Beach."
_SIGN_ON_OPENING_RE = re.compile(r"(?:This is|this is|Welcome to|Welcome back to)\s")
_BROADCAST_NAME_RE = re.compile(
    r"\b(?:Radio|News|Newsroom|TV|Television|FM|AM|Report|Edition|Morning|Evening|Tonight|Today|Hour|Show|Live|"
    r"Public|Network|Broadcasting|Channel|Podcast|Weekend|Nightly|Minutes|Desk|Journal|Programme|Program)\b"
    r"|\b[A-Z]{3,5}\b")


# Headings after which the rest of a page is a sidebar or footer, never the story.
TRAILER_HEADINGS: tuple[str, ...] = (
    "next up", "up next", "read next", "related coverage", "related stories", "related articles", "related content",
    "related links", "related", "more from .{1,40}", "more on this story", "more stories", "more news", "more coverage",
    "we recommend", "recommended", "recommended for you", "recommended stories", "site index", "site information navigation",
    "most popular", "most read", "most viewed", "most shared", "popular now", "trending", "trending now", "trending stories",
    # ("Trending on KBSK"; not a short paragraph: "Trending on Twitter was the hashtag #HaldenVotes.")
    "trending (?:on|at) [^!?:]{1,40}(?<!\\.)",
    "you may also like", "you might also like", "around the web", "from our partners", "latest news", "latest stories",
    "top stories", "editor'?s picks", "don'?t miss", "in other news", "other news", "comments", "read comments",
    "join the conversation", "leave a comment", "what to read next", "further reading", "sponsored stories",
    "more (?:explainers|videos|podcasts|features|headlines|articles)",
    # a press release's closing sections: its legal disclaimer and its contact box (capitalized: a narrow column's
    # wrapped line "forward-looking statements" inside a sentence is not one)
    "(?-i:C)autionary (?:note|statement) (?:regarding|concerning|about) forward-looking statements",
    "(?-i:F)orward-looking statements", "(?-i:S)afe harbor statement", "(?-i:[MPI])(?:edia|ress|nvestor) contacts?",
    # ... its notes to editors and the mark that ends its story ("- ends -", "ENDS", "-30-")
    "(?-i:N)otes? (?:to|for) editors", "[-–—] ?ends ?[-–—]", "(?-i:ENDS)", "[-–—] ?30 ?[-–—]",
)
TRAILER_RE = re.compile(r"^(?:" + "|".join(TRAILER_HEADINGS) + r")\s*:?$", re.IGNORECASE)
# A comment section's heading with its count ("Comments (38)", "38 Comments", "Comments 38", "Show 38 comments"). The
# same words link to the comments from the byline's line at the top of a page ("3 Comments"): such a heading ends the
# article only under COMMENT_HEADING_MIN_PROSE lines of prose (a dek above the byline is one).
COMMENT_HEADING_RE = re.compile(
    r"^(?:(?:show|view|read|see) (?:all )?)?(?:\d[\d,]*\s+comments?|comments?\s*(?:\(\d[\d,]*\)|\d[\d,]*))\s*:?$"
    # ... or its sort control ("Sort by: best", "Sort by Newest")
    r"|^sort(?: comments)? by:?\s*(?:best|top|new|newest|old|oldest|controversial|q&a|most liked|popular)\b.{0,12}$",
    re.IGNORECASE,
)
COMMENT_HEADING_MIN_PROSE = 3
# ... of which these also head a box of links set inside the article ("Recommended for you" between two paragraphs of
# a portal's wire story, a "Related" box in a WordPress post): when the story's prose follows the heading at once
# (HTML extraction drops the box's links and keeps its heading), only the heading goes. A sidebar's heading is
# followed by headlines, a comment section's by names, a pitch or a sign-up line, and still ends the article.
INLINE_BOX_HEADINGS: tuple[str, ...] = (
    "related coverage", "related stories", "related articles", "related content", "related links", "related",
    "more on this story", "we recommend", "recommended", "recommended for you", "recommended stories",
    "you may also like", "you might also like", "editor'?s picks", "don'?t miss", "read next", "what to read next",
    "further reading",
    # a list of the site's popular headlines set between two paragraphs ("Trending Now" mid-article): the story's prose
    # after it, about the story above, shows the article goes on
    "trending", "trending now", "trending stories", "most popular", "most read", "popular now",
)
INLINE_BOX_RE = re.compile(r"^(?:" + "|".join(INLINE_BOX_HEADINGS) + r")\s*:?$", re.IGNORECASE)
if not set(INLINE_BOX_HEADINGS) <= set(TRAILER_HEADINGS):  # pragma: no cover - a heading added to one table only
    raise RuntimeError("INLINE_BOX_HEADINGS must be TRAILER_HEADINGS")

# Inside one flattened line (a whole page on one line): where the article ends.
INLINE_TRAILERS: tuple[str, ...] = (
    r"\bA version of this article appears in print\b",
    r"\bOrder Reprints\s*\|",
    r"\bRelated Coverage\b",
    r"\bSite Index\b",
    r"\bSite Information Navigation\b",
    r"\bGet [\w ,&]{0,60}? (?:news )?updates via\b",
    r"\b(?:Most Popular|We Recommend|Next Up|More from [A-Z]\w+)\b(?= [A-Z])",
    r"\bRead Comments\b",
)
INLINE_TRAILER_RE = re.compile("|".join(INLINE_TRAILERS))
# Every INLINE_TRAILER_RE match contains one of these (case-sensitive, like the pattern). Keep in step.
INLINE_TRAILER_KEYS: tuple[str, ...] = (
    "A version of this article appears in print", "Order Reprints", "Related Coverage", "Site Index",
    "Site Information Navigation", "updates via", "Most Popular", "We Recommend", "Next Up", "More from ",
    "Read Comments",
)

# Navigation words and short phrases that make up menu runs.
NAV_WORDS = frozenset(
    """home news local national world politics business sports opinion obituaries entertainment weather traffic
    lifestyle health tech technology science arts culture travel food video videos photos podcasts subscribe
    login log in sign search sections menu contests careers about us our people legal stuff advertise contact
    watch live more u.s. us skip to content site index newsletters events classifieds jobs real estate autos
    cars shop store e-edition edition today's paper help account""".split()
)

# Leading navigation in a flattened line: a run of these tokens/phrases.
INLINE_NAV_RE = re.compile(
    r"^(?:\s*(?:Sections|SEARCH|Search|Menu|Skip to content|Skip to site index|Skip to main content|Subscribe|Log In|"
    r"Sign In|Advertisement|Supported by|Home|U\.S\.|World|Politics|Business|Opinion|Sports|Tech|Science|Arts|"
    r"Books|Style|Food|Travel|Magazine|Real Estate|Video|Live)(?=\s|$))+\s*"
)

# Captions inside a flattened line: "Video <caption> Published On <date>", "Image <caption> Credit <credit>",
# "Credit Image by X/Org". Each bounded, so a stray keyword costs at most a few hundred characters of scan.
_ORG_END = r"(?:Times|Post|News|Press|Images|Wire|Journal|Tribune|Herald|Courier|Ledger|Daily|Reuters|AP|AFP|EPA|UPI|Getty|Bloomberg|Agency|Service|Globe|Chronicle|Gazette|Star|Sun|Record)"
_CREDIT = (
    r"Credit\s+(?:Image by\s+|Video by\s+|Photo by\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}?[A-Z][\w.'’-]*"
    r"(?:\s*/\s*|\s+for\s+)(?:The\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}?" + _ORG_END + r"\b"
)
INLINE_CAPTION_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bVideo\s+(?=\S)[^|]{0,600}?\bPublished On\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*(?:" + _CREDIT + r")?"),
    re.compile(r"\bImage\s+(?=[A-Z“\"])[^|]{0,600}?" + _CREDIT),
    re.compile(_CREDIT),
    re.compile(r"\b(?:Advertisement|Supported by)\b\s*"),
)

# Byline (+ date) in a flattened line, e.g. "By Mark Landler and Eric Lichtblau March 2, 2017".
_NAME = r"(?:[A-Z][\w.'’-]*\s+){1,3}?[A-Z][\w.'’-]*"
INLINE_BYLINE_RE = re.compile(
    r"\bBy\s+" + _NAME + r"(?:\s*,\s*" + _NAME + r"){0,3}(?:\s+and\s+" + _NAME + r")?\s+"
    r"(?:" + MONTHS + r")\.?\s+\d{1,2},\s+\d{4}\s*"
)

# A separate byline line: "By Jonah Whitcomb", "By Mark Landler and Eric Lichtblau March 2, 2017".
BYLINE_LINE_RE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8}(?:,?\s+.{0,60})?$")

# Date lines: "October 15, 2024", "Oct. 15, 2024", "March 2, 2017 5:01 PM", "2024-10-15".
DATE_RE = re.compile(r"\b(" + MONTHS + r")\.?\s+(\d{1,2}),\s+(\d{4})\b")
ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# the day first, as European pages and official statements write it ("Lirsk, 3 March 2026, 18:00 hours")
DAY_FIRST_DATE_RE = re.compile(r"(?<![\d.,])(\d{1,2})\s+(" + MONTHS + r")\.?,?\s+(\d{4})\b")

SOCIAL_WORDS = frozenset(
    """facebook twitter instagram pinterest linkedin linked in youtube tiktok reddit whatsapp snapchat flipboard
    email mail print share rss telegram threads bluesky mastodon x tumblr""".split()
)
ICON_WORDS = frozenset(
    """list menu enlarge gallery info close angle down up left right grid play align search youtube mail bookmark
    arrow chevron caret icon plus minus expand collapse""".split()
)

# A donation / subscription pitch: a paragraph with two or more of these cues is a pitch.
PITCH_RE = re.compile(
    r"\b(?:donat(?:e|ion|ions|ing)|tax[- ]deductible|your (?:gift|support|donation)|(?:gifts?|pledges?) (?:will be )?matched|"
    r"matched dollar for dollar|nonprofit|non-profit|readers like you|support (?:our|independent|local) (?:journalism|reporting)|"
    r"become a (?:member|subscriber)|(?:un)?subscrib(?:e|ed|ers?|ing)|subscription|membership|paywall|newsletter|inbox|our (?:journalism|reporting|newsroom)|"
    r"journalism|watchdog|please (?:join|support|give)|fundrais\w*|campaign to raise)\b",
    re.IGNORECASE,
)

# Every PITCH_RE match contains one of these (lower-cased): ASCII text without any of them has no pitch
# cue, and the regex (slow: it is tried at every word) need not run. Keep in step with PITCH_RE.
PITCH_KEYS: tuple[str, ...] = (
    "donat", "deductible", "your gift", "your support", "your donation", "matched", "nonprofit", "non-profit",
    "readers like you", "support our", "support independent", "support local", "become a member",
    "become a subscriber", "subscri", "membership", "paywall", "newsletter", "inbox", "our reporting",
    "our newsroom", "journalism", "watchdog", "please join", "please support", "please give", "fundrais",
    "campaign to raise",
)


def pitch_matches(text: str) -> list[re.Match[str]]:
    """``list(PITCH_RE.finditer(text))``, without running the regex on text that has none of PITCH_KEYS."""
    if not may_hold(text, PITCH_KEYS):
        return []
    return list(PITCH_RE.finditer(text))


# Function words that, capitalized inside a sentence, betray a headline glued into it.
HEADLINE_FUNCTION_WORDS = frozenset(
    "From With Of And In On To For After Over As At By Into About Amid Against Under Is Are Will Needs".split()
)

TERMINAL = frozenset(".!?…。！？؟।\"”’'»)")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here hers
    herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves said says say told mr ms mrs also would
    one two new year years last first could may might must shall us it's he's she's that's there's""".split()
)


# Web-archive collection notes that stand in for (or are prepended to) a page the archive served
# ("Starting in 1996, alexa internet has been donating their crawl data to the internet archive.",
# "Focused crawls are collections of frequently-updated webcrawl data ..."). CRAWL_RE terms belong to
# web crawling only ("crawl" alone does not: babies and seals crawl); ARCHIVE_NAME_RE names alone
# never make a note (a story about the Internet Archive keeps its sentences).
CRAWL_RE = re.compile(
    r"\b(?:web ?crawl\w*|crawl data|crawlers?|(?:this|these|focused|wide|daily|domain|the) crawls?\b|"
    r"crawls? (?:performed|of|was run|conducted|are)\b|archive-it|warcs?|seed ?list|outlinks|heritrix|"
    r"embargo period|not publicly accessible|(?:properties of )?this collection|web collections?|web (?:page )?captures|"
    r"enwiki|duplicate detection)",
    re.IGNORECASE,
)
ARCHIVE_NAME_RE = re.compile(r"\b(?:wayback machine|internet archive)\b", re.IGNORECASE)
# Every CRAWL_RE match contains one of these (lower-cased). Keep in step with CRAWL_RE.
CRAWL_KEYS: tuple[str, ...] = (
    "crawl", "archive-it", "warc", "seed", "outlinks", "heritrix", "embargo period", "not publicly accessible",
    "this collection", "web collection", "web capture", "web page capture", "enwiki", "duplicate detection",
)


def has_crawl_term(text: str) -> bool:
    """``CRAWL_RE.search(text) is not None``, without running the regex on text that has none of CRAWL_KEYS."""
    return may_hold(text, CRAWL_KEYS) and CRAWL_RE.search(text) is not None


def month_number(name: str) -> int:
    return [m[:3].lower() for m in MONTHS.split("|")[:12]].index(name[:3].lower()) + 1


def find_date(text: str) -> str | None:
    """The first "Month D, YYYY" date in ``text``, else its first ISO date, else its first "D Month YYYY" date, as
    YYYY-MM-DD (None when the first form found is no real date)."""
    for rx, year, month, day in _DATE_FORMS:
        m = rx.search(text)
        if m:
            try:
                return date(int(m.group(year)), _month(m.group(month)), int(m.group(day))).isoformat()
            except ValueError:
                return None
    return None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else month_number(value)


# each form of date find_date reads, in its order: the pattern and its groups for the year, the month and the day
_DATE_FORMS = ((DATE_RE, 3, 1, 2), (ISO_DATE_RE, 1, 2, 3), (DAY_FIRST_DATE_RE, 3, 2, 1))


# --- cheap HTML sniffing (no parser: used by load and fetch on raw pages) ---------------------------------

_META_RE = re.compile(r"<meta\b[^<>]{0,2000}>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]{0,1000})"|'([^']{0,1000})'|([^\s"'>]{1,1000}))""")
TITLE_TAG_RE = re.compile(r"<title\b[^<>]{0,200}>([^<]{0,500})</title", re.IGNORECASE)
_CHARSET_RE = re.compile(rb"""<meta\b[^<>]{0,500}?charset\s*=\s*["']?([\w.:-]{1,40})""", re.IGNORECASE)


# An HTML fragment (a scraper's "content" field, a CMS export): it opens with one of these block or
# head elements, or its first 2 kB close several elements. Prose that mentions a tag ("the <script>
# element") does neither, nor does text after one stray inline tag (an <img> left in extracted text).
_FRAGMENT_OPEN_RE = re.compile(
    r"<(?:p|div|article|section|main|header|h[1-6]|ul|ol|table|figure|script|style|noscript|iframe|meta|"
    r"link|blockquote|!--)[\s>/]",
)
_FRAGMENT_CLOSE_RE = re.compile(r"</(?:p|div|li|h[1-6]|span|a|script|style|article|section|td|blockquote)>|<br\s*/?>")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page (a doctype, an <html> tag or <head>/<body> at its start) or a
    fragment of one (it opens with an element such as <p> or <div>, or closes several in its first 2 kB)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<") and ("<html" in head or "<body" in head or "<head" in head):
        return True
    if _FRAGMENT_OPEN_RE.match(head) and ">" in head:
        return True
    return len(_FRAGMENT_CLOSE_RE.findall(head)) >= 3


TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def without_site_name(title: str, sitename: str | None) -> str:
    """A page's <title> without the outlet's name its end repeats ("Ferry runs aground | North Coast Times")."""
    if sitename:
        for sep in TITLE_SEPARATORS:
            head, _, tail = title.rpartition(sep)
            if head.strip() and tail.strip().casefold() == sitename.strip().casefold():
                return head.strip()
    return title


def html_meta(html: str) -> dict[str, str]:
    """og:site_name, title and publication date from the first 200 kB of a page, by regex."""
    head = html[:200_000]
    found: dict[str, str] = {}
    for m in _META_RE.finditer(head):
        attrs = {a.group(1).lower(): (a.group(2) or a.group(3) or a.group(4) or "") for a in _ATTR_RE.finditer(m.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = " ".join(attrs.get("content", "").split())
        if not content:
            continue
        if key in ("og:site_name", "application-name", "publisher", "twitter:site") and "sitename" not in found:
            found["sitename"] = content.lstrip("@")
        elif key in ("og:title", "twitter:title") and "title" not in found:
            found["title"] = content
        elif key in ("article:published_time", "date", "pubdate", "publishdate", "datepublished", "dc.date", "og:published_time"):
            found.setdefault("date", content)
    if "title" not in found:
        t = TITLE_TAG_RE.search(head)
        if t and t.group(1).strip():
            found["title"] = without_site_name(" ".join(html_lib.unescape(t.group(1)).split()), found.get("sitename"))
    if "date" in found:
        d = find_date(found["date"])
        if d:
            found["date"] = d
    return found


def sniff_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None

# Chinese, Japanese and Korean characters (scripts written without spaces between words).
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
