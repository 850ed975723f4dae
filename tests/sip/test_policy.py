"""Admission policy and caller-ID parsing: pure functions, no network."""

from __future__ import annotations

import pytest

from voice.sip.handler import caller_id_from_uri
from voice.sip.policy import CallPolicy, PolicyError, source_host


def test_empty_allow_list_admits_any_source_until_the_limit() -> None:
    policy = CallPolicy(max_calls=2)
    assert policy.decide("203.0.113.9:5060", 0).accept
    assert policy.decide("203.0.113.9:5060", 1).accept
    busy = policy.decide("203.0.113.9:5060", 2)
    assert (busy.accept, busy.status_code) == (False, 486)


def test_allow_list_refuses_other_sources_with_403_before_counting() -> None:
    policy = CallPolicy(["10.0.0.0/8", "192.168.1.5"], max_calls=1)
    assert policy.decide("10.2.3.4:5060", 0).accept
    assert policy.decide("192.168.1.5:5070", 0).accept
    refused = policy.decide("127.0.0.1:5080", 5)
    assert (refused.accept, refused.status_code) == (False, 403)
    assert "127.0.0.1" in refused.reason
    assert not policy.decide("not-an-address", 0).accept


def test_ipv6_sources() -> None:
    policy = CallPolicy(["::1/128"])
    assert source_host("[::1]:5060") == "::1"
    assert policy.decide("[::1]:5060", 0).accept
    assert not policy.decide("[2001:db8::1]:5060", 0).accept


def test_bad_settings_are_named() -> None:
    with pytest.raises(PolicyError, match="10.0.0.300"):
        CallPolicy(["10.0.0.300/8"])
    with pytest.raises(PolicyError, match="max-calls"):
        CallPolicy(max_calls=0)


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ('"Alice" <sip:+15551234@pbx.example;user=phone>;tag=abc', "+15551234"),
        ("<sip:caller@127.0.0.1:5080>", "caller"),
        ("sip:200@10.0.0.1", "200"),
        ("tel:+441234", "+441234"),
        ("<sip:127.0.0.1>", "127.0.0.1"),
    ],
)
def test_caller_id_is_the_user_part(uri: str, expected: str) -> None:
    assert caller_id_from_uri(uri) == expected
