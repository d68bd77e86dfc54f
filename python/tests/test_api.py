"""The package's API against the command line: same signatures, same scan JSON, same errors."""

import json
import os
import shutil
import subprocess

import numpy as np
import pytest

import recoupe

CLI = os.environ.get("RECOUPE_BIN") or shutil.which("recoupe") or os.path.join(
    os.path.dirname(__file__), "..", "..", "target", "release", "recoupe"
)

STORY = (
    "Le conseil municipal a voté mardi soir le budget de la nouvelle piscine, dont le coût "
    "est estimé à douze millions d'euros, après trois heures de débat animé entre la majorité "
    "et l'opposition sur le calendrier des travaux."
)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    subprocess.run([CLI, "gen", "-n", "60", "-q", "-o", str(path)], check=True)
    return path


def test_scan_on_paths_is_the_cli_json(corpus, tmp_path):
    out = tmp_path / "cli.json"
    subprocess.run([CLI, "scan", str(corpus), "--format", "json", "-o", str(out)], check=True)
    assert recoupe.scan(str(corpus)) == json.loads(out.read_text())


def test_signatures_match_the_scan_estimates():
    edited = STORY.replace("mardi soir", "mardi")
    sigs, shingles = recoupe.sign([STORY, edited, "autre chose"])
    assert sigs.dtype == np.uint32 and sigs.shape == (3, 128)
    assert shingles[0] > 0
    pair = recoupe.scan([{"id": "a", "text": STORY}, {"id": "b", "text": edited}])["dedup"]["pairs"]
    estimate = float(np.mean(sigs[0] == sigs[1]))
    assert pair and pair[0]["estimated_jaccard"] == estimate


def test_minhash_from_text_equals_sign_and_lsh_finds_the_copy():
    m = recoupe.MinHash.from_text(STORY)
    assert np.array_equal(m.hashvalues, recoupe.sign([STORY])[0][0])
    lsh = recoupe.MinHashLSH(threshold=0.5, num_perm=128)
    lsh.insert("story", m)
    lsh.insert("other", recoupe.MinHash.from_text("Un texte sans aucun rapport avec la piscine."))
    assert "story" in lsh.query(recoupe.MinHash.from_text(STORY.replace("animé", "vif")))
    with pytest.raises(ValueError):
        lsh.insert("story", m)
    items = recoupe.MinHash()
    items.update_batch([b"a", b"b", b"c"])
    other = recoupe.MinHash()
    for b in (b"a", b"b", b"c"):
        other.update(b)
    assert items == other and items.jaccard(other) == 1.0


def test_errors_carry_the_cli_message():
    with pytest.raises(recoupe.RecoupeError, match="threshold"):
        recoupe.Params.of(threshold=2)
    with pytest.raises(recoupe.RecoupeError, match="unknown parameter"):
        recoupe.Params.of(thresold=0.5)
    with pytest.raises(ValueError):
        recoupe.band_keys(np.zeros((2, 64), dtype=np.uint32))


def test_claims_of_a_text():
    found = recoupe.claims("Le chantier a coûté 12 millions d'euros.")["claims"]
    assert any(c["value"].get("lo") == 12_000_000 for c in found)
