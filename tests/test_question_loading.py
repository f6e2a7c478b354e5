"""A bad question file: each problem names file, line and question id; the good questions still load."""

from pathlib import Path

from bot.core.bank.questions import load_bank, parse_bank


def question(qid: str, *, kind: str = "single", answer: str = '["B"]', options: str | None = None,
             stem: str = "A developer needs a thing. Which service?", drop: str = "", extra: str = "") -> str:
    if options is None:
        options = {"single": '["One", "Two", "Three", "Four"]',
                   "multi": '["One", "Two", "Three", "Four", "Five"]',
                   "truefalse": '["True", "False"]'}[kind]
    if kind == "multi" and not stem.endswith("(Choose TWO.)"):
        stem += " (Choose TWO.)"
    fields = {
        "id": f'"{qid}"', "topic": '"RDS"', "kind": f'"{kind}"', "stem": f'"""\n{stem}"""',
        "options": options, "answer": answer, "explanation": '"Because the notes say so."',
        "passages": '["rds/amazon-rds-proxy"]',
    }
    lines = ["[[question]]"] + [f"{k} = {v}" for k, v in fields.items() if k != drop]
    return "\n".join(lines + ([extra] if extra else [])) + "\n\n"


def write(folder: Path, name: str, *questions: str) -> Path:
    path = folder / name
    path.write_text("".join(questions), encoding="utf-8")
    return path


def line_of(text: str, qid: str) -> int:
    """The line of the [[question]] header of ``qid``."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line == f'id = "{qid}"')
    return max(i for i in range(at) if lines[i] == "[[question]]") + 1


def test_good_questions_load_with_their_file_and_line_as_source(tmp_path):
    write(tmp_path, "rds.toml", question("q-one"), question("q-two", kind="multi", answer='["A", "E"]'))
    questions, problems = load_bank(tmp_path)
    assert problems == []
    assert [q.id for q in questions] == ["q-one", "q-two"]
    one, two = questions
    assert one.source == "rds.toml:1" and one.answers == ("B",) and one.correct == ("Two",)
    assert two.kind == "multi" and two.pick == 2 and two.correct == ("One", "Five")
    assert one.stem == "A developer needs a thing. Which service?"  # the leading newline is trimmed
    assert not one.generated


def test_malformed_toml_loses_only_the_broken_question(tmp_path):
    broken = question("q-broken").replace('kind = "single"', 'kind = "single')  # unterminated string
    text = question("q-before") + broken + question("q-after")
    write(tmp_path, "rds.toml", text)
    questions, problems = load_bank(tmp_path)
    assert [q.id for q in questions] == ["q-before", "q-after"]
    [problem] = problems
    assert problem.file == "rds.toml" and problem.question == "q-broken"
    assert problem.line == line_of(text, "q-broken") + 3  # the kind line itself
    assert "not valid TOML" in str(problem) and str(problem).startswith(f"rds.toml:{problem.line} [q-broken]")


def test_a_duplicate_id_in_another_file_is_reported_and_the_first_one_kept(tmp_path):
    write(tmp_path, "a.toml", question("q-same", stem="First version?"))
    text = question("q-other") + question("q-same", stem="Second version?")
    write(tmp_path, "b.toml", text)
    questions, problems = load_bank(tmp_path)
    assert [(q.id, q.stem) for q in questions] == [("q-same", "First version?"), ("q-other", "A developer needs a thing. Which service?")]
    [problem] = problems
    assert (problem.file, problem.line, problem.question) == ("b.toml", line_of(text, "q-same"), "q-same")
    assert "duplicate id" in problem.message and "a.toml:1" in problem.message


def test_a_duplicate_id_in_the_same_file_is_reported(tmp_path):
    write(tmp_path, "a.toml", question("q-same"), question("q-same", stem="Again?"))
    questions, problems = load_bank(tmp_path)
    assert len(questions) == 1 and problems[0].question == "q-same" and "duplicate id" in problems[0].message


def test_an_answer_not_among_the_options_is_reported(tmp_path):
    text = question("q-good") + question("q-bad", answer='["E"]')
    write(tmp_path, "rds.toml", text)
    questions, problems = load_bank(tmp_path)
    assert [q.id for q in questions] == ["q-good"]
    assert [str(p) for p in problems] == [
        f"rds.toml:{line_of(text, 'q-bad')} [q-bad]: answer E is not among the options A, B, C, D"]


def test_a_multi_question_needs_exactly_two_answers(tmp_path):
    write(tmp_path, "rds.toml", question("q-multi", kind="multi", answer='["A"]'))
    questions, problems = load_bank(tmp_path)
    assert questions == []
    assert any("multi question has 2 answer(s), not 1" in p.message for p in problems)
    assert all(p.question == "q-multi" and p.line == 1 for p in problems)


def test_a_multi_stem_must_say_choose_two(tmp_path):
    text = question("q-multi", kind="multi", answer='["A", "B"]').replace(" (Choose TWO.)", "")
    write(tmp_path, "rds.toml", text)
    _, problems = load_bank(tmp_path)
    assert [p.message for p in problems] == ["a multi stem ends with '(Choose TWO.)'"]


def test_a_missing_field_is_named(tmp_path):
    write(tmp_path, "rds.toml", question("q-no-explanation", drop="explanation"), question("q-fine"))
    questions, problems = load_bank(tmp_path)
    assert [q.id for q in questions] == ["q-fine"]
    assert [(p.question, p.message) for p in problems] == [("q-no-explanation", "missing field 'explanation'")]


def test_an_unknown_field_is_a_problem_so_typos_do_not_go_unnoticed(tmp_path):
    write(tmp_path, "rds.toml", question("q-typo", extra='answers = ["A"]'))
    _, problems = load_bank(tmp_path)
    assert [p.message for p in problems] == ["unknown field 'answers'"]


def test_wrong_option_counts_and_repeated_options_are_reported():
    text = (question("q-three", options='["One", "Two", "Three"]')
            + question("q-repeat", options='["One", "Two", "one", "Four"]')
            + question("q-tf", kind="truefalse", options='["Yes", "No"]', answer='["A"]'))
    questions, problems = parse_bank(text, "x.toml")
    assert questions == []
    messages = {(p.question, p.message) for p in problems}
    assert ("q-three", "a single question has 4 options, not 3") in messages
    assert ("q-repeat", "options are not distinct") in messages
    assert ("q-tf", 'a truefalse question has options ["True", "False"]') in messages


def test_a_bad_id_and_wrong_types_are_reported():
    text = question("Bad Id!") + question("q-types", answer='"B"')
    _, problems = parse_bank(text, "x.toml")
    assert ("Bad Id!", "id 'Bad Id!' must be 1-40 characters of a-z, 0-9 and '-'") in {(p.question, p.message) for p in problems}
    assert ("q-types", "'answer' must be a list of strings") in {(p.question, p.message) for p in problems}


def test_a_bad_file_among_good_ones_leaves_the_good_ones_loaded(tmp_path):
    write(tmp_path, "a.toml", question("q-a1"), question("q-a2"))
    write(tmp_path, "b.toml", "this is = = not toml [[[\n")
    (tmp_path / "c.toml").write_bytes(b"\xff\xfe not utf-8")
    write(tmp_path, "d.toml", question("q-d1"))
    (tmp_path / "notes.md").write_text("# not a question file")
    questions, problems = load_bank(tmp_path)
    assert [q.id for q in questions] == ["q-a1", "q-a2", "q-d1"]
    assert [(p.file, p.line) for p in problems] == [("b.toml", 1), ("c.toml", 0)]
    assert "not valid TOML" in problems[0].message and "unreadable" in problems[1].message


def test_keys_outside_question_tables_are_reported(tmp_path):
    write(tmp_path, "a.toml", 'title = "RDS"\n\n' + question("q-a1"))
    questions, problems = load_bank(tmp_path)
    assert [q.id for q in questions] == ["q-a1"]
    assert [(p.line, p.message) for p in problems] == [(1, "unknown top-level key 'title': use [[question]] tables")]


def test_a_missing_folder_is_one_problem_not_a_crash(tmp_path):
    questions, problems = load_bank(tmp_path / "nowhere")
    assert questions == [] and len(problems) == 1 and "no such question folder" in problems[0].message


def test_a_new_file_reusing_an_id_never_takes_it_from_the_question_that_owns_it(tmp_path):
    write(tmp_path, "b.toml", question("q-same", stem="The original?"))
    write(tmp_path, "a.toml", question("q-same", stem="A newcomer sorting first?"))
    questions, problems = load_bank(tmp_path, owners={"q-same": "b.toml:1"})
    assert [(q.id, q.stem) for q in questions] == [("q-same", "The original?")]
    [problem] = problems
    assert (problem.file, problem.question) == ("a.toml", "q-same") and "b.toml:1" in problem.message
