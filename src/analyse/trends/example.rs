//! Three meetings of a hate crime panel, built by hand for the renderers' tests: three
//! themes (one good practice), two checks, and four observations that between them are
//! closed after an update, in progress, awaiting a response with no update, and raised
//! at the latest meeting.

use super::*;
use crate::model::Inline;

fn text(words: &str) -> Vec<Block> {
    vec![Block::Paragraph(vec![Inline::Text(words.to_string())])]
}

fn choice(id: &str, label: &str, colour: Option<&str>) -> Choice {
    Choice {
        id: id.into(),
        label: label.into(),
        label_in: Vec::new(),
        colour: colour.map(str::to_string),
        carry_over: false,
    }
}

/// (id, date, title, cases, judgements in scale order, unjudged).
type Meeting = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    [usize; 3],
    usize,
);

const MEETINGS: [Meeting; 3] = [
    (
        "2023-03",
        "2023-03-14",
        "Hate Crime Scrutiny Panel – March 2023",
        12,
        [4, 6, 2],
        0,
    ),
    (
        "2023-06",
        "2023-06-20",
        "Hate Crime Scrutiny Panel – June 2023",
        10,
        [5, 3, 1],
        1,
    ),
    (
        "2023-11",
        "2023-11-21",
        "Hate Crime Scrutiny Panel – November 2023",
        14,
        [8, 5, 1],
        0,
    ),
];

fn theme(id: &str, label: &str, kind: ThemeKind, cases: [&[u32]; 3]) -> ThemeTrend {
    ThemeTrend {
        id: id.into(),
        label: label.into(),
        kind,
        by_meeting: MEETINGS
            .iter()
            .zip(cases)
            .map(|(m, cases)| ThemeInMeeting {
                meeting: m.0.into(),
                count: cases.len(),
                cases: cases.iter().map(|&n| super::TrendCase::Number(n)).collect(),
                total_cases: m.3,
                recorded: m.3,
            })
            .collect(),
    }
}

fn check(id: &str, label: &str, answers: [&[(Answer, usize)]; 3]) -> CheckTrend {
    CheckTrend {
        id: id.into(),
        label: label.into(),
        by_meeting: MEETINGS
            .iter()
            .zip(answers)
            .map(|(m, answers)| CheckInMeeting {
                meeting: m.0.into(),
                answers: answers.to_vec(),
            })
            .collect(),
    }
}

fn step(meeting: usize, status: Status, words: &str) -> Step {
    Step {
        meeting: MEETINGS[meeting].0.into(),
        meeting_date: MEETINGS[meeting].1.into(),
        session: None,
        status,
        text: text(words),
    }
}

pub(super) fn trends() -> Trends {
    let scale = vec![
        choice("appropriate", "Appropriate", Some("#2E7D32")),
        choice(
            "appropriate-with-observations",
            "Appropriate with observations",
            Some("#F9A825"),
        ),
        choice("inappropriate", "Inappropriate", Some("#C62828")),
    ];
    let meetings = MEETINGS
        .iter()
        .map(|(id, date, title, total, judged, unjudged)| MeetingRow {
            id: id.to_string(),
            meeting_date: date.to_string(),
            session: None,
            title: title.to_string(),
            total_cases: *total,
            judgements: scale
                .iter()
                .zip(judged)
                .map(|(c, n)| (c.id.clone(), *n))
                .collect(),
            unjudged: *unjudged,
            report: format!("{id}/report.html"),
        })
        .collect();
    use Answer::{No, Partial, Unclear, Yes};
    Trends {
        type_judgements: Vec::new(),
        carried: Vec::new(),
        title: "Hate Crime Scrutiny Panel".into(),
        panel: Some("Hate Crime Quality Assurance Panel".into()),
        organisation: Some("Office of the Police & Crime Commissioner".into()),
        language: "en".into(),
        languages: vec!["en".into()],
        translated: false,
        as_of: "2023-11-21".into(),
        marking: Some("OFFICIAL".into()),
        suppress_below: 0,
        meetings,
        judgement_scale: scale,
        themes: vec![
            theme(
                "late-hcso-contact",
                "Late HCSO contact, over 48 hours",
                ThemeKind::Concern,
                [&[2, 6, 12], &[1, 4], &[3]],
            ),
            theme(
                "victim-voice",
                "Victim’s wishes not recorded",
                ThemeKind::Concern,
                [&[1, 2, 5, 7, 9, 11], &[2, 3, 8], &[]],
            ),
            theme(
                "good-victim-care",
                "Good victim care & updates",
                ThemeKind::GoodPractice,
                [&[4, 8], &[5, 6, 7, 9], &[1, 2, 4, 6, 9, 10, 13]],
            ),
        ],
        checks: vec![
            check(
                "hcso-48h",
                "HCSO contact within 48 hours",
                [
                    &[(Yes, 9), (No, 3)],
                    &[(Yes, 8), (No, 2)],
                    &[(Yes, 13), (No, 1)],
                ],
            ),
            check(
                "risk-assessed",
                "Risk assessment completed",
                [
                    &[(Yes, 10), (Partial, 1), (Unclear, 1)],
                    &[(Yes, 9), (Partial, 1)],
                    &[(Yes, 14)],
                ],
            ),
        ],
        observations: vec![
            Tracked {
                id: "2023-03/referrals".into(),
                meeting: "2023-03".into(),
                meeting_date: "2023-03-14".into(),
                session: None,
                number: "4.1".into(),
                text: text("Referrals to diversion schemes were not offered in three cases."),
                response: text("The force will reissue the diversion pathways list."),
                status: Status::InProgress,
                open_until: "2023-11-21".into(),
                meetings_open: 2,
                history: vec![
                    step(1, Status::Responded, "The list is being revised."),
                    step(
                        2,
                        Status::InProgress,
                        "The list was reissued to response teams in October.",
                    ),
                ],
            },
            Tracked {
                id: "2023-06/victim-contact".into(),
                meeting: "2023-06".into(),
                meeting_date: "2023-06-20".into(),
                session: None,
                number: "4.1".into(),
                text: text("Victims were contacted by email against the guidance."),
                response: Vec::new(),
                status: Status::AwaitingResponse,
                open_until: "2023-11-21".into(),
                meetings_open: 1,
                history: Vec::new(),
            },
            Tracked {
                id: "2023-11/records".into(),
                meeting: "2023-11".into(),
                meeting_date: "2023-11-21".into(),
                session: None,
                number: "4.1".into(),
                text: text("Dates of birth were wrong on two records."),
                response: text("Records will be checked at the point of entry."),
                status: Status::Responded,
                open_until: "2023-11-21".into(),
                meetings_open: 0,
                history: Vec::new(),
            },
            Tracked {
                id: "2023-03/hcso-training".into(),
                meeting: "2023-03".into(),
                meeting_date: "2023-03-14".into(),
                session: None,
                number: "4.2".into(),
                text: text("HCSOs should be trained on the 13-point plan."),
                response: text("Training is booked for May."),
                status: Status::Closed,
                open_until: "2023-06-20".into(),
                meetings_open: 1,
                history: vec![step(1, Status::Closed, "All HCSOs were trained in May.")],
            },
        ],
    }
}
