use super::*;
use crate::segment::Doc;

fn people(input: &str) -> Vec<Person> {
    let doc = Doc::new(input);
    find(&doc, &[], &Contacts::default())
}

#[test]
fn names() {
    let cases: &[(&str, &[&str])] = &[
        ("Dr. Jane Roe opened the plant.", &["Jane Roe"]),
        ("\"We are glad,\" said Jane Roe.", &["Jane Roe"]),
        ("Jane Roe said the plant is open.", &["Jane Roe"]),
        ("Minister for Health Jane Roe opened it.", &["Jane Roe"]),
        ("District Attorney Ken Marlow spoke.", &["Ken Marlow"]),
        (
            "Sheikh Omar bin Khalid Al-Fasi attended.",
            &["Omar bin Khalid Al-Fasi"],
        ),
        (
            "It was opened by H.E. Ahmed S. Al-Noor today.",
            &["Ahmed S. Al-Noor"],
        ),
        ("Jane Roe, Director of Plants, opened it.", &["Jane Roe"]),
        (
            "according to Piet van der Berg, the plan works.",
            &["Piet van der Berg"],
        ),
        ("The Roe Foundation said it would help.", &[]),
        ("We toured Zorvin Quell in May.", &[]),
        ("Jane Roe opened a plant in Valletta.", &["Jane Roe"]),
        (
            "Ms. Jane Roe spoke. Later, Ms. Roe left. Jane left too.",
            &["Jane Roe"],
        ),
        ("JANE ROE said yes.", &["JANE ROE"]),
        (
            "\"Yes,\" said Acme President Zorla A. Quell.",
            &["Zorla A. Quell"],
        ),
        ("Acme Appoints Zorvin Quell", &[]),
        ("Prof. Min-jae Park said so.", &["Min-jae Park"]),
        ("Zorvin Quell, REHS, was honoured.", &["Zorvin Quell"]),
        (
            "the Chair of Roads, Ambassador Zorvin Quell of Vorta, spoke.",
            &["Zorvin Quell"],
        ),
        ("Contact: Jane Roe VLT Alpine Club Email", &["Jane Roe"]),
        ("For more call Zorvin Quell at 555-0100.", &["Zorvin Quell"]),
        (
            "Jane Roe, Chair of Vorta Point Condominiums, spoke.",
            &["Jane Roe"],
        ),
        ("Vorta Minerals, Chief Geologist, said so.", &[]),
        ("VORTA DAO, a leader in ledgers, said so.", &[]),
        ("Visit Vorta Galleria (713) 555-0100 today.", &[]),
        ("Acme of Vorta Galleria: 1800 Main St", &[]),
        ("Zorvin Quell, 34, of Valletta was held.", &["Zorvin Quell"]),
        ("Press: Marto Vusk: +356 2100 0000", &["Marto Vusk"]),
        (
            "Winners:\n* Jane Roe\n* Marto Vusk\n",
            &["Jane Roe", "Marto Vusk"],
        ),
        (
            "Detectives Marto Vusk and Pell Dray",
            &["Marto Vusk", "Pell Dray"],
        ),
        ("The prize was given by VORTA Lumina to us.", &[]),
        ("Employee-owned Zorvin announced it.", &[]),
        ("Meet us in Room C said the host.", &[]),
        ("Dr. Zorvin Quell, M.D., spoke.", &["Zorvin Quell"]),
        ("ACME PR Jane Roe spoke.", &["Jane Roe"]),
        ("Welcomes Jane Roe", &["Jane Roe"]),
        ("Zorvin Jane Quell said hi.", &["Zorvin Jane Quell"]),
        ("The Northern Vorta Cross said no.", &[]),
        (
            "It is run by Zorvin Quell, Marto Vusk and Pell Dray.",
            &["Zorvin Quell", "Marto Vusk", "Pell Dray"],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<String> = people(input).into_iter().map(|p| p.name).collect();
        assert_eq!(&got, want, "input {input:?}");
    }
}

#[test]
fn titles() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Minister for Health Jane Roe opened it.",
            &["Minister for Health"],
        ),
        (
            "Jane Roe, Director of Plants and Chairman of the Board, spoke.",
            &["Director of Plants", "Chairman of the Board"],
        ),
        (
            "\"Yes,\" said Jane Roe, chief executive of Acme.",
            &["chief executive of Acme"],
        ),
        (
            "Jane Roe, the Ambassador of Somewhere to Malta, the Republic of Somewhere.",
            &["Ambassador of Somewhere to Malta"],
        ),
        (
            "Jane Roe, Founder and CEO of Acme Corp., said.",
            &["Founder", "CEO of Acme Corp"],
        ),
        ("Acme's CEO, Jane Roe, said hello.", &["CEO"]),
        ("with Deputy Chief's Jane Roe today", &["Deputy Chief's"]),
        ("the United States Zorvin Quell said", &[]),
        ("Jane Roe, 45, said hello.", &[]),
        ("They praised co-founder Zorvin Quell.", &["co-founder"]),
        (
            "For more information: Jane Roe Director of Communications",
            &["Director of Communications"],
        ),
        ("It was signed by Gov. JB Quell.", &["Gov."]),
        ("Zorvin Quell, Judge Jane Roe and others met.", &["Judge"]),
        ("Zorvin Quell, of the Roads Office, spoke.", &[]),
        (
            "Jane Roe, Director, Office of Roads, Ministry of Works, spoke.",
            &["Director, Office of Roads"],
        ),
        (
            "Jane Roe, Head of Counter-Terrorism, co-chaired it.",
            &["Head of Counter-Terrorism"],
        ),
        ("CEO and Chairman Zorvin Quell spoke.", &["CEO", "Chairman"]),
        (
            "He met the Minister of Roads of Somewhere, Jane Roe, today.",
            &["Minister of Roads of Somewhere"],
        ),
        (
            "Jane Roe, Director for Roads and Rails, spoke.",
            &["Director for Roads and Rails"],
        ),
        (
            "said Acme of Valletta President Zorvin Quell.",
            &["President"],
        ),
        (
            "\"Yes,\" said Jane Roe, Chairman, President, and Chief Executive Officer of Acme.",
            &["Chairman", "President", "Chief Executive Officer of Acme"],
        ),
        ("Sen. Zorvin Quell spoke.", &["Sen."]),
        (
            "Valletta District Attorney Jane Roe spoke. District Attorney Roe left.",
            &["Valletta District Attorney"],
        ),
        ("Judge Jane Roe and Judge Ken Poe", &["Judge", "Judge"]),
        (
            "Acme named Zorvin Quell as its new Chief Financial Officer.",
            &["Chief Financial Officer"],
        ),
        (
            "Jane Roe, President of Acme Glass, Inc., spoke.",
            &["President of Acme Glass, Inc"],
        ),
        (
            "Jane Roe, Acme Funds Director and Acme Bank President, spoke.",
            &["Acme Funds Director", "Acme Bank President"],
        ),
        ("Health Minister Zorvin Quell spoke.", &["Health Minister"]),
        (
            "Zorvin Quell MP  Minister for Roads  Minister for Rails\n\nText.",
            &["Minister for Roads", "Minister for Rails"],
        ),
        (
            "Under-Secretary-General Jane Roe spoke. Under-Secretary-General Roe left.",
            &["Under-Secretary-General"],
        ),
        (
            "It met the Regional Director of Roads of Vorta, Dr. Zorvin Quell.",
            &["Regional Director of Roads of Vorta"],
        ),
        (
            "Ms. Jane Roe, President of the Union du Vorta, spoke.",
            &["President of the Union du Vorta"],
        ),
        (
            "said Assistant U.S. Attorney Zorvin Quell today.",
            &["Assistant U.S. Attorney"],
        ),
        (
            "Jane Roe, Minister for Roads, Rails and Ports, spoke.",
            &["Minister for Roads, Rails and Ports"],
        ),
        (
            "Jane Roe, Chief Roads, Rails & Ports Officer, spoke.",
            &["Chief Roads, Rails & Ports Officer"],
        ),
        (
            "Jane Roe joined Acme. She currently serves as CFO of Vorta.",
            &["CFO of Vorta"],
        ),
        (
            "Trial Attorneys Jane Roe and Zorvin Quell argued.",
            &["Trial Attorneys", "Trial Attorneys"],
        ),
        ("Jane Roe said\u{2019}s. He is a nurse.", &[]),
        (
            "said Assistant Attorney General Zorvin Quell today.",
            &["Assistant Attorney General"],
        ),
        (
            "with the Executive Secretary of the Roads Board (RB), Eng. Zorvin Quell.",
            &["Executive Secretary of the Roads Board"],
        ),
        (
            "said Dr. Jane Roe, Director of the Roads\nand Rails Department, today.",
            &["Director of the Roads and Rails Department"],
        ),
        (
            "Ms. Jane Roe, President of the Uniao do Vorta, spoke.",
            &["President of the Uniao do Vorta"],
        ),
        (
            "Zorvin Quell   Manager, Roads Desk   zq@vorta.example\n",
            &["Manager, Roads Desk"],
        ),
        (
            "Zorvin Quell MP  Minister for Roads\n\nMinister Assisting the Premier\n\nDr Jane Roe  Chief Engineer\n",
            &[
                "Minister for Roads",
                "Minister Assisting the Premier",
                "Chief Engineer",
            ],
        ),
        (
            "Sen. Zorvin Quell (I-Vt.), Chair of the Roads Board, spoke.",
            &["Sen.", "Chair of the Roads Board"],
        ),
        ("Name: Zorvin Quell, CEO Phone: 555 0100", &["CEO"]),
        (
            "Jane Roe, Adviser for the Vorta Roads campaign, said.",
            &["Adviser"],
        ),
        (
            "Jane Roe, Secretary for Roads from Vorta, said.",
            &["Secretary for Roads"],
        ),
        (
            "Jane Roe spoke. She served as a Roads Board Chair for the city.",
            &["Roads Board Chair"],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<String> = people(input).into_iter().flat_map(|p| p.titles).collect();
        assert_eq!(&got, want, "input {input:?}");
    }
}

#[test]
fn mentions_and_honorifics() {
    let p = people("Dr. Jane Q. Roe spoke. Director Roe left.");
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Jane Q. Roe");
    assert_eq!(p[0].honorifics, ["Dr."]);
    let texts: Vec<&str> = p[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Dr. Jane Q. Roe", "Director Roe"]);
}

#[test]
fn clause_ends_after_multibyte_characters() {
    let input = "Jane Roe, Director of Ro\u{2019}ads. Zell\u{a0}Co. said.";
    let got = people(input);
    assert_eq!(got.len(), 1);
}

#[test]
fn pronoun_inside_a_mention() {
    // The run `Hon.P She` is a candidate whose mention ends after the
    // pronoun starts; the reach before the pronoun once underflowed.
    for input in ["Hon.P She isMinister i", "Hon.P She is Minister of Kites."] {
        people(input);
    }
}

#[test]
fn hostile_input_is_linear_and_safe() {
    let caps = "Abc ".repeat(50_000);
    assert!(people(&caps).is_empty());
    let glued = "aA".repeat(200_000);
    assert!(people(&glued).is_empty());
    let line = format!("Jane Roe said{}", " x".repeat(200_000));
    assert_eq!(people(&line).len(), 1);
    let bullets = "* Jane Roe\n".repeat(20_000);
    assert_eq!(people(&bullets).len(), 1);
    let hons = "Mr. ".repeat(50_000);
    assert!(people(&hons).is_empty());
    let _ = people("Mr. É, ñ Ü. Jane");
    let _ = people("Jane Roe añoñoñoñoñoñoñoñoñoñoñoñoñoñoñoñoño");
    let _ = people("Jane Roe, ñññññññññññññññññññññññññññ: ñññññññññññ");
}

#[test]
fn organisations_tie_and_exclude() {
    let doc = Doc::new("Vorta Lumina said yes. Jane Roe, Director of the Roads Office, spoke.");
    let orgs = [
        Organisation {
            name: "Vorta Lumina".into(),
            acronym: None,
            mentions: vec![],
        },
        Organisation {
            name: "Roads Office".into(),
            acronym: Some("RO".into()),
            mentions: vec![],
        },
    ];
    let got = find(&doc, &orgs, &Contacts::default());
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].name, "Jane Roe");
    assert_eq!(got[0].organisations, ["Roads Office"]);
}

#[test]
fn contacts_are_people() {
    let input = "Jane Roe said yes.\n\nMedia contact: Pell Dray, pell@example.org\n";
    let doc = Doc::new(input);
    let contact = crate::record::Contact {
        name: Some("Pell Dray".into()),
        honorifics: vec![],
        title: None,
        organisation: None,
        location: None,
        emails: vec!["pell@example.org".into()],
        phones: vec![],
        urls: vec![],
        span: crate::span::Span::new(20, 60),
    };
    let contacts = Contacts {
        contacts: vec![contact],
        blocks: vec![],
    };
    let got = find(&doc, &[], &contacts);
    let names: Vec<&str> = got.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Jane Roe", "Pell Dray"]);
    let m = &got[1].mentions[0];
    assert_eq!(&input[m.start..m.end], "Pell Dray");
}

#[test]
fn organisations_after_names_and_titles() {
    let orgs = [Organisation {
        name: "Vorta Lumina, Inc.".into(),
        acronym: Some("VLI".into()),
        mentions: vec![],
    }];
    let cases: &[(&str, &[&str])] = &[
        (
            "Jane Roe, Director of Roads, Vorta Lumina, spoke.",
            &["Vorta Lumina, Inc."],
        ),
        (
            "said Jane Roe of the Vorta Lumina team.",
            &["Vorta Lumina, Inc."],
        ),
        ("Jane Roe, CEO of VLI, spoke.", &["Vorta Lumina, Inc."]),
        (
            "Jane Roe, Chair of the Zell Roads Foundation, spoke.",
            &["Zell Roads Foundation"],
        ),
        ("Jane Roe, Chair of Roads, spoke.", &[]),
    ];
    for (input, want) in cases {
        let doc = Doc::new(input);
        let got: Vec<String> = find(&doc, &orgs, &Contacts::default())
            .into_iter()
            .flat_map(|p| p.organisations)
            .collect();
        assert_eq!(&got, want, "input {input:?}");
    }
}

#[test]
fn contact_labels_and_desks_are_no_people() {
    let cases: &[(&str, bool)] = &[
        ("In Valletta", false),
        ("Investor Relations", false),
        ("Zorvin Park", true),
    ];
    for (name, want) in cases {
        let doc = Doc::new("Text.\n");
        let contact = crate::record::Contact {
            name: Some((*name).into()),
            honorifics: vec![],
            title: None,
            organisation: None,
            location: None,
            emails: vec![],
            phones: vec![],
            urls: vec![],
            span: crate::span::Span::new(0, 4),
        };
        let contacts = Contacts {
            contacts: vec![contact],
            blocks: vec![],
        };
        let got = find(&doc, &[], &contacts);
        assert_eq!(!got.is_empty(), *want, "name {name:?}");
    }
}

#[test]
fn noun_endings() {
    let cases: &[(&str, bool)] = &[
        ("foundation", true),
        ("kindness", true),
        ("roads", false),
        ("vorters", true),
        ("ing", true),
        ("ng", false),
        ("quell", false),
        ("friendship", true),
        ("caf\u{e9}", false),
    ];
    for (word, want) in cases {
        assert_eq!(has_noun_end(word), *want, "word {word:?}");
    }
}

#[test]
fn acronyms() {
    let cases: &[(&str, bool)] = &[
        ("VORTA", true),
        ("VT", false),
        ("Vorta", false),
        ("A-B-C", true),
        ("\u{c9}TAT", true),
        ("\u{c9}tat", false),
        ("123", false),
        ("", false),
        ("AB1C", true),
        ("H.E.", false),
        ("U.N.O.", true),
        ("\u{c9}T", false),
        ("\u{c9}Ta", false),
        ("XY\u{e9}", false),
        ("\u{c9}\u{c9}\u{c9}", true),
    ];
    // The one-pass reading agrees with the plain one (chars all the way).
    let plain = |w: &str| {
        !w.chars().any(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() > 2
    };
    for (word, want) in cases {
        assert_eq!(is_acronym(word), *want, "word {word:?}");
        assert_eq!(plain(word), *want, "word {word:?}");
    }
}

#[test]
fn start_tokens_near_agree_with_search() {
    let text = "Acme  President Zorvin Quell of Vorta said so.";
    let lowered = text.to_ascii_lowercase();
    let toks = tokenize(text, &lowered);
    for at in 0..=text.len() {
        let want = start_token(&toks, at);
        for near in 0..toks.len() + 2 {
            assert_eq!(
                start_token_near(&toks, at, near),
                want,
                "at {at} near {near}"
            );
        }
    }
}

#[test]
fn cue_words_are_marked() {
    let lex = &*LEXICON;
    // The honorific indices by first and last word assume no empty one.
    assert!(lex.honorifics.iter().all(|h| !h.is_empty()));
    for cue in &lex.before {
        let last = cue.last().expect("no empty cue");
        assert!(
            lex.class(last) & lexicon::class::CUE_LAST != 0,
            "cue {cue:?}"
        );
    }
    assert!(lex.class("said") & lexicon::class::CUE_ONE != 0);
    for w in title::CLAUSE_STOPS {
        assert!(
            lex.class(w) & lexicon::class::CLAUSE_STOP != 0,
            "word {w:?}"
        );
    }
}

#[test]
fn bullets_and_line_starts() {
    // (text, offset, opens a line, opens a bulleted line)
    let cases: &[(&str, usize, bool, bool)] = &[
        ("Zorvin", 0, true, false),
        ("  Zorvin", 2, true, false),
        ("x\n\tZorvin", 3, true, false),
        ("x Zorvin", 2, false, false),
        ("* Zorvin", 2, false, true),
        ("x\n - Zorvin", 5, false, true),
        ("\u{2022} Zorvin", 4, false, true),
        ("x \u{2022} Zorvin", 6, false, false),
        ("a-Zorvin", 2, false, false),
    ];
    for (text, at, line, bullet) in cases {
        assert_eq!(opens_line(text, *at), *line, "text {text:?}");
        assert_eq!(bullet_start(text, *at), *bullet, "text {text:?}");
    }
}

#[test]
fn lower_case_lookups() {
    let set: WordSet = ["zorvin labs", "\u{e9}tat vorta"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    let long = "Zorvin ".repeat(12);
    let cases: &[(&str, bool)] = &[
        ("Zorvin Labs", true),
        ("ZORVIN LABS", true),
        ("Zorvin Lab", false),
        ("\u{c9}tat Vorta", true),
        (&long, false),
    ];
    for (text, want) in cases {
        assert_eq!(contains_lower(&set, text), *want, "text {text:?}");
    }
}

#[test]
fn title_heads_in_any_case() {
    let long = format!("{}director", "x".repeat(40));
    let cases: &[(&str, bool)] = &[
        ("Director", true),
        ("DIRECTOR", true),
        ("Co-Founder", true),
        ("Zorvin", false),
        ("", false),
        (&long, false),
    ];
    for (word, want) in cases {
        assert_eq!(is_title_head_any_case(word), *want, "word {word:?}");
    }
}
