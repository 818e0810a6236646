//! Claims at their boundary: invented sentences in, (speaker name, quote
//! start, stance) out; and every shared corpus file without a panic.

use untangle_extract::claims::extract_claims;
use untangle_extract::entities::extract_entities;
use untangle_model::Stance;

/// (speaker name, quote, stance) of every claim of `text`.
fn claims(text: &str) -> Vec<(String, String, Option<Stance>)> {
    let f = extract_entities(text);
    extract_claims(text, &f)
        .into_iter()
        .map(|c| {
            let name = f
                .entities
                .iter()
                .find(|e| e.id == c.speaker)
                .map(|e| e.name.clone())
                .unwrap_or_default();
            assert!(
                text.get(c.sentence.clone()).is_some(),
                "evidence span is not a span of the text"
            );
            (name, c.quote, c.stance)
        })
        .collect()
}

fn has(got: &[(String, String, Option<Stance>)], speaker: &str, quote_start: &str) {
    assert!(
        got.iter()
            .any(|(s, q, _)| s == speaker && q.starts_with(quote_start)),
        "missing {speaker}: {quote_start}… in {got:#?}"
    );
}

fn lacks(got: &[(String, String, Option<Stance>)], quote_part: &str) {
    assert!(
        !got.iter().any(|(_, q, _)| q.contains(quote_part)),
        "unexpected claim with {quote_part:?} in {got:#?}"
    );
}

#[test]
fn direct_quotes_with_attribution_before_and_after() {
    // (text, speaker, start of the quote)
    let cases: &[(&str, &str, &str)] = &[
        (
            "“The militia is running out of money,” says Laila Haidari, a researcher at Kabul University.",
            "Laila Haidari",
            "The militia is running out of money",
        ),
        (
            "“We will not negotiate with the Haqqani Network,” Laila Haidari said.",
            "Laila Haidari",
            "We will not negotiate with the Haqqani Network",
        ),
        (
            "Hamid Sarwari said: “The border posts were abandoned weeks ago.”",
            "Hamid Sarwari",
            "The border posts were abandoned weeks ago",
        ),
        (
            "\"The convoy never reached the valley,\" said Hamid Sarwari, a district governor.",
            "Hamid Sarwari",
            "The convoy never reached the valley",
        ),
        (
            "“Recruitment has doubled since spring,” Laila Haidari concludes.",
            "Laila Haidari",
            "Recruitment has doubled since spring",
        ),
    ];
    for (text, speaker, quote) in cases {
        let got = claims(text);
        has(&got, speaker, quote);
        assert_eq!(got.len(), 1, "{text}: {got:#?}");
    }
}

#[test]
fn a_following_quote_continues_the_speaker() {
    let text = "“The militia is running out of money,” says Laila Haidari, a researcher. \
                “Its commanders now tax the bazaars instead.”\n\n\
                “The border posts were abandoned,” Hamid Sarwari said. \"Nobody came to relieve them.\"";
    let got = claims(text);
    has(&got, "Laila Haidari", "The militia is running out of money");
    has(&got, "Laila Haidari", "Its commanders now tax the bazaars");
    has(&got, "Hamid Sarwari", "The border posts were abandoned");
    has(&got, "Hamid Sarwari", "Nobody came to relieve them");
    assert_eq!(got.len(), 4, "{got:#?}");
}

#[test]
fn reported_speech() {
    // (text, speaker, start of the quote)
    let cases: &[(&str, &str, &str)] = &[
        (
            "Laila Haidari said that the Haqqani Network still shelters foreign fighters.",
            "Laila Haidari",
            "the Haqqani Network still shelters",
        ),
        (
            "Laila Haidari says the Haqqani Network has made “limited gestures” toward Kabul.",
            "Laila Haidari",
            "the Haqqani Network has made",
        ),
        (
            "Laila Haidari, an independent analyst at Kabul University, says the Haqqani Network is divided.",
            "Laila Haidari",
            "the Haqqani Network is divided",
        ),
        (
            "The European Union warned in March that the Haqqani Network was recruiting in the camps.",
            "European Union",
            "the Haqqani Network was recruiting",
        ),
        (
            "Hamid Sarwari told reporters that the Haqqani Network had left the district.",
            "Hamid Sarwari",
            "the Haqqani Network had left",
        ),
        (
            "According to Hamid Sarwari, the Haqqani Network controls three roads.",
            "Hamid Sarwari",
            "the Haqqani Network controls three roads",
        ),
        (
            "The Haqqani Network controls three roads, according to Hamid Sarwari.",
            "Hamid Sarwari",
            "The Haqqani Network controls three roads",
        ),
        (
            "The Haqqani Network controls three roads, Hamid Sarwari said on Monday.",
            "Hamid Sarwari",
            "The Haqqani Network controls three roads",
        ),
        (
            "The European Union also estimated the Haqqani Network had 4,000 fighters.",
            "European Union",
            "the Haqqani Network had 4,000 fighters",
        ),
    ];
    for (text, speaker, quote) in cases {
        let got = claims(text);
        has(&got, speaker, quote);
    }
}

#[test]
fn descriptive_speakers_attach_to_the_organisation() {
    let got = claims(
        "Last year, a report to parliament by the European Union on the border mission said \
         “the Haqqani Network had moved its training camps across the border.”",
    );
    has(&got, "European Union", "the Haqqani Network had moved");
    let got = claims("A Haqqani Network spokesman said the attack was a mistake.");
    has(&got, "Haqqani Network", "the attack was a mistake");
}

#[test]
fn pronouns_resolve_to_the_unambiguous_antecedent() {
    let got = claims(
        "The European Union published its annual review on Monday. \
         It said the Haqqani Network was recruiting in the camps.",
    );
    has(&got, "European Union", "the Haqqani Network was recruiting");

    let got = claims(
        "Hamid Sarwari has governed the district since 2019. \
         Before the election, he said the roads would be reopened by spring.",
    );
    has(&got, "Hamid Sarwari", "the roads would be reopened");

    let got = claims(
        "“The roads are open again,” said Hamid Sarwari. \
         “Trade is coming back,” he added.",
    );
    has(&got, "Hamid Sarwari", "Trade is coming back");

    // the previous sentence opens with something that cannot speak: no claim
    let got = claims(
        "The 2019 Doha agreement lists four obligations. \
         It also says the Haqqani Network must leave the camps.",
    );
    lacks(&got, "must leave the camps");
}

#[test]
fn denials_dispute_and_non_speakers_are_skipped() {
    let got = claims("The Haqqani Network denied that it had attacked the convoy.");
    assert!(
        got.iter().any(|(s, q, st)| s == "Haqqani Network"
            && q.starts_with("it had attacked the convoy")
            && *st == Some(Stance::Disputes)),
        "{got:#?}"
    );
    // speakers that are no entity, asides, infinitives, noun uses
    for text in [
        "Observers say the Haqqani Network will split soon.",
        "As Hamid Sarwari said, the roads are open.",
        "Hamid Sarwari wants to say the roads are open.",
        "The European Union report was published in March.",
    ] {
        let got = claims(text);
        assert!(got.is_empty(), "{text}: {got:#?}");
    }
    // eyewitnesses and residents speak for themselves, unnamed
    has(
        &claims("Residents said the Haqqani Network had left the district."),
        "Residents",
        "the Haqqani Network had left",
    );
}

#[test]
fn every_shared_corpus_file_extracts_without_panic() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !shared.is_dir() {
        eprintln!("skip: ../shared/corpus not found");
        return;
    }
    let mut stack = vec![shared];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                let f = extract_entities(&text);
                for c in extract_claims(&text, &f) {
                    assert!(f.entities.iter().any(|e| e.id == c.speaker));
                    assert!(text.get(c.sentence.clone()).is_some());
                    assert!(!c.quote.trim().is_empty());
                }
                files += 1;
            }
        }
    }
    assert!(files > 0);
}

#[test]
fn unnamed_collective_speakers_wire_quotes_titles_and_descriptions() {
    // "Police said": an unnamed collective actor speaks
    let got = claims("Police said his fingerprints were found in both raided apartments.");
    has(&got, "Police", "his fingerprints were found");
    // a passing mention makes no speaker
    let f = extract_entities("He was taken to a police station in Kabul.");
    assert!(
        !f.entities
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case("police")),
        "{:?}",
        f.entities
    );
    // wire copy: opening straight quote, two apostrophes closing, after a
    // dateline that hides the subject of the sentence before
    let got = claims(
        "BOSTON \u{2014} Moments before the hearing ended, Dzhokhar Tsarnaev rose to his feet. \"I pray for your relief, for your healing,'' he said.",
    );
    has(&got, "Dzhokhar Tsarnaev", "I pray for your relief");
    // a description by age stands for the person just named, and "ethnic
    // Chechen" is no person
    let got = claims(
        "Dzhokhar Tsarnaev rose to his feet. Amid silence, the 21-year-old ethnic Chechen said, \"I am sorry for the lives that I have taken.\"",
    );
    has(&got, "Dzhokhar Tsarnaev", "I am sorry for the lives");
    assert!(!got.iter().any(|(s, _, _)| s == "Chechen"), "{got:?}");
    // a prepositional phrase between the verb and `that`
    let got = claims(
        "Former Police Chief Somyot Poomphanmuang said before his retirement in September that the case was supported by DNA evidence.",
    );
    has(&got, "Somyot Poomphanmuang", "the case was supported");
    // a title before the name of the previous sentence's subject
    let got = claims(
        "Prime Minister Theresa May promised to review the strategy. She said she wants to take a tougher line with internet providers.",
    );
    has(&got, "Theresa May", "she wants to take a tougher line");
}

#[test]
fn short_attributed_quotes_participles_and_titled_roles() {
    // a sentence of its own attributed to a name, however short
    let got =
        claims("The judge asked him to confirm his plea. \"Yes, sir,\" Ahmad Khan Rahimi said.");
    has(&got, "Ahmad Khan Rahimi", "Yes, sir");
    // ... but a scare quote is no claim
    let got = claims("Nicholas Lewin asked for a trial in the \"late winter\" this year.");
    assert!(got.is_empty(), "{got:?}");
    // ", saying …": the sentence subject speaks
    let got = claims(
        "Nicholas Lewin asked the judge to set a trial date in the \"late winter,\" saying the amount of evidence is relatively limited.",
    );
    has(&got, "Nicholas Lewin", "the amount of evidence");
    // "his attorney" is the one person the text titles so
    let got = claims(
        "Khairullozhon Matanov appeared with defense attorney Edward Hayden. His attorney said he entered the United States in 2010 on a student visa.",
    );
    has(&got, "Edward Hayden", "he entered the United States");
}

#[test]
fn unnamed_sources_get_no_claim_and_end_a_quote_chain() {
    let got = claims(
        "Three soldiers were wounded, the Tolo news agency reported. \
         “They changed their tactics,” said one source, who declined to be named. \
         “They lay mines at night.” \
         A U.S. official told reporters that the border crossing was closed.",
    );
    lacks(&got, "They changed their tactics");
    lacks(&got, "They lay mines at night");
    has(&got, "U.S.", "the border crossing was closed");
}

#[test]
fn participles_and_place_police_speak() {
    let got = claims(
        "The Danish Defence Minister Lars Holm responded to the attack, stating, \"our soldiers \
         will stay in Helmand to finish the job.\" Kandahar provincial police said the road was \
         closed for two days.",
    );
    has(&got, "Lars Holm", "our soldiers will stay in Helmand");
    has(&got, "Kandahar provincial police", "the road was closed");
}

#[test]
fn coordinated_sources_relative_clauses_and_unnamed_witnesses() {
    let got = claims(
        "Three blasts in Kunduz left nine people dead, according to Afghan army Lieutenant \
         Omar Sadiq and police Captain Wali Jan. Two shootings killed four people, security \
         officials and doctor Karim Noori from the city hospital said. \"I heard explosions,\" \
         said Kunduz resident Gul Ahmad, who added that police concluded the car was a bomb. \
         \"This is a crime,\" said one elderly witness who declined to be named.",
    );
    has(
        &got,
        "Omar Sadiq",
        "Three blasts in Kunduz left nine people dead",
    );
    has(&got, "Karim Noori", "Two shootings killed four people");
    has(&got, "Gul Ahmad", "police concluded the car was a bomb");
    lacks(&got, "This is a crime");
}

#[test]
fn claims_of_responsibility_and_a_second_verb_of_the_subject() {
    let got = claims(
        "A bomb exploded in Kabul. The Taliban claimed responsibility for the attack, and said \
         they will carry out more attacks before the election.",
    );
    has(&got, "Taliban", "responsibility for the attack");
    has(&got, "Taliban", "they will carry out more attacks");
}

#[test]
fn a_chain_of_he_goes_back_to_the_last_person_subject() {
    let text = "Karim Nouri is a lawyer in Kabul. He met Ali Haidar in 2001. \
                Nouri was later jailed in Herat. \
                Although he left the group in 1995, he rejoined it in 2001. \
                He claimed the deal basically reinforced partition.";
    has(
        &claims(text),
        "Karim Nouri",
        "the deal basically reinforced partition",
    );
}

#[test]
fn glued_paragraphs_of_a_quote_fronted_times_and_accepted_responsibility() {
    // a quote over two paragraphs glued together: the mark that closes
    // the second opens nothing, so later quotes pair correctly
    let got = claims(
        "Early today Mr Whitelaw gave an interview to the BBC. He said: \"I am going to make \
         a clear response to the attacks.\"This will be a determined operation.\" He added \
         that the measures would become apparent \"very soon\". The Provisional IRA accepted \
         responsibility for the bombings in Belfast.",
    );
    has(&got, "Whitelaw", "I am going to make a clear response");
    has(&got, "Whitelaw", "the measures would become apparent");
    has(&got, "IRA", "responsibility for the bombings");
    // "accepted" without responsibility states nothing
    let got = claims("The Afghan government accepted the offer of talks in Doha on Monday.");
    assert!(got.is_empty(), "{got:#?}");
    // a speaker named once after the quote and described in apposition;
    // a collective described by a capitalised word opening the sentence
    let got = claims(
        "\"There was an explosion and I thought it was a car crash,\" said Eva, a 17-year-old \
         student. Transport authorities said they closed two metro stations in Lyon.",
    );
    has(&got, "Eva", "There was an explosion");
    has(
        &got,
        "Transport authorities",
        "they closed two metro stations",
    );
}

#[test]
fn fears_descriptions_continuations_and_fronted_phrases() {
    let got = claims(
        "Kieran Conway was an IRA officer. At first he feared that the timing of the attacks \
         had been deliberate. He continued: \"The Birmingham bombs were another matter.\" He \
         described the pub bombings as \"a total disaster\". In his book he also claims that \
         rogue police officers colluded with the IRA. Gerry Adams continues to deny that he \
         was ever in the IRA.",
    );
    has(&got, "Kieran Conway", "the timing of the attacks");
    has(
        &got,
        "Kieran Conway",
        "The Birmingham bombs were another matter",
    );
    has(&got, "Kieran Conway", "a total disaster");
    has(&got, "Kieran Conway", "rogue police officers colluded");
    has(&got, "Gerry Adams", "he was ever in the IRA");
    // "continued" without a colon or quotation states nothing; neither
    // does "described" without "as"
    let got = claims("The fighting continued in Kabul. Gerry Adams described the scene.");
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn clauses_without_that_and_attributions_before_a_semicolon() {
    let got = claims(
        "Angel Sarmiento, president of the Aragua Medical School, announced eight people died \
         of the disease. An unknown virus may be spreading in Aragua, medical officials report; \
         however, the governor denies it.",
    );
    has(&got, "Angel Sarmiento", "eight people died");
    has(
        &got,
        "medical officials",
        "An unknown virus may be spreading",
    );
    // a credit line names no speaker of anything
    let got = claims("Renae Merle and Sari Horwitz in Washington contributed to this report.");
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn names_in_apposition_asides_and_adverbs_before_the_verb() {
    let got = claims(
        "In later years, an IRA leader at the time, Sean MacStiofain, said that the aim of \
         the attacks had been to cause financial damage. The police, however, concluded that \
         ETA were responsible. The Communist Party of Spain energetically denied that it took \
         part.",
    );
    has(&got, "Sean MacStiofain", "the aim of the attacks");
    has(&got, "police", "ETA were responsible");
    has(&got, "Communist Party of Spain", "it took part");
}

#[test]
fn a_single_name_described_as_a_person_speaks() {
    let got = claims(
        "But José, a Caracas subway worker who asked that his last name not be used, said he \
         and other employees were given an ultimatum.",
    );
    has(
        &got,
        "José",
        "he and other employees were given an ultimatum",
    );
}

#[test]
fn relative_clauses_quoted_sources_and_witnesses() {
    let got = claims(
        "The KDP, which accuses Iran of supporting the PUK, said on Thursday that its forces had halted an attack. \
         Former Israeli Prime Minister Shimon Peres, calling Lahd \"a great Lebanese patriot\", said earlier this year Lebanon had insulted him. \
         Interfax quoted General Ivan Petrov as saying the rebels had fled the city. \
         It quoted a source in the Russian command in Chechnya as saying that the servicemen were outnumbered. \
         Witnesses said they had been seized by troops at dawn on Thursday. \
         Officials said he contacted authorities after the blast.",
    );
    has(&got, "KDP", "its forces had halted an attack");
    has(
        &got,
        "Shimon Peres",
        "earlier this year Lebanon had insulted him",
    );
    has(&got, "Ivan Petrov", "the rebels had fled the city");
    has(
        &got,
        "source in the Russian command",
        "the servicemen were outnumbered",
    );
    has(&got, "Witnesses", "they had been seized by troops");
    // a verb before "authorities" is no part of a speaker's description
    let f = extract_entities(
        "Officials said he contacted authorities after the blast, and the blast was investigated after authorities arrived.",
    );
    assert!(
        !f.entities
            .iter()
            .any(|e| e.name.contains("contacted") || e.name.contains("after")),
        "{:#?}",
        f.entities
    );
}

#[test]
fn a_ranked_name_between_commas_and_a_named_outlet_told() {
    let got = claims(
        "In Grozny, the commander of Russian Interior Ministry forces in Chechnya, General Anatoly \
         Shkirko, told Interfax news agency he was delaying a pullout of troops there.",
    );
    has(&got, "Anatoly Shkirko", "he was delaying a pullout");
}

#[test]
fn a_groups_radio_speaks_for_it() {
    let got = claims(
        "The PUK said it had won. The PUK radio said Iraqi artillery was pounding its positions on Friday.",
    );
    has(&got, "PUK", "Iraqi artillery was pounding its positions");
}

#[test]
fn a_reference_code_between_speaker_and_verb_is_read_through() {
    let got = claims(
        "In December 2014, Abu Mohammed al-Jawlani (QDi.317), the leader of Al-Nusrah Front, \
         publicly stated that his group (QDe.137) now had a Lebanese wing.",
    );
    // the quote is the text as written, code included
    has(
        &got,
        "Abu Mohammed al-Jawlani",
        "his group (QDe.137) now had",
    );
}

#[test]
fn an_unnamed_minister_speaks_and_an_unnamed_owner_does_not_silence_him() {
    let got = claims(
        "A lieutenant of Zarqawi was captured this week, the country's national security \
         minister said Thursday.",
    );
    has(
        &got,
        "national security minister",
        "A lieutenant of Zarqawi",
    );
}

#[test]
fn a_dateline_and_a_trailing_participle_are_not_the_speakers_words() {
    let got = claims(
        "GUWAHATI, India (Reuters) - Suspected separatist rebels stormed a village in \
         India's northeast on Monday and shot dead six people, police said, taking the toll \
         in the worst violence in years in the troubled region to 62.",
    );
    has(
        &got,
        "police",
        "Suspected separatist rebels stormed a village",
    );
    lacks(&got, "GUWAHATI");
    lacks(&got, "taking the toll");
}

#[test]
fn an_attribution_inside_the_sentence_vouches_for_what_follows_it() {
    let got = claims(
        "The recent operation in Wardak, according to Afghan and coalition officials, is \
         hailed as a major blow to the insurgency in the area.",
    );
    has(
        &got,
        "Afghan and coalition officials",
        "is hailed as a major blow",
    );
    // an apposition or a relative clause after the source is no statement
    let got = claims(
        "Around 14,000 U.S. troops are stationed in the country, according to RAND, a U.S. \
         government research organization.",
    );
    lacks(&got, "government research organization");
}

#[test]
fn whom_a_speaker_told_is_not_the_speaker() {
    let got = claims(
        "\"Iraqi forces began an artillery attack on the outskirts of Arbil,\" the spokesman, \
         who asked not to be identified, told Reuters in a telephone call.",
    );
    assert!(!got.iter().any(|(s, _, _)| s == "Reuters"), "{got:?}");
}
