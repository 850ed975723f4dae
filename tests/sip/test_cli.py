"""``voicecart sip`` refuses bad settings with a message naming them, before loading any model."""

from __future__ import annotations

import pytest

from voice.cli import main

pytest.importorskip("pjsua2", reason="the phone extra (pjsua2-python) is not installed")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--listen", "nonsense"], "--listen 'nonsense' must be HOST:PORT"),
        (["--listen", "127.0.0.1:70000"], "must be HOST:PORT"),
        (["--max-calls", "0"], "--max-calls must be at least 1"),
        (["--allow", "10.0.0.300/8"], "--allow '10.0.0.300/8' is not an address"),
        (["--transfer-to", "desk@pbx"], "--transfer-to 'desk@pbx' must be a SIP URI"),
        (["--register", "sip:pbx.example"], "must look like sip:USER@HOST"),
        (["--register", "sip:shop@pbx.example"], "--register needs --password-env"),
        (["--register", "sip:shop@pbx.example", "--password-env", "VOICECART_TEST_UNSET_VAR"], "--password-env"),
    ],
)
def test_bad_settings_exit_2_with_a_message(argv: list[str], message: str, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.delenv("VOICECART_TEST_UNSET_VAR", raising=False)
    monkeypatch.setenv("VOICECART_DATA_DIR", str(tmp_path))
    assert main(["sip", *argv]) == 2
    assert message in capsys.readouterr().err
