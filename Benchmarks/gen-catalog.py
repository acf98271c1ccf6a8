#!/usr/bin/env python3
"""Writes a generated, valid RioPlan catalog for benchmarks.

    gen-catalog.py OUT_DIR [--mandates 5000] [--modules 2000] [--seed 1]

3 conventions, 40 themes with per-convention terms, MANDATES mandates spread over the
conventions, MODULES modules (a third of them joint, some with prerequisites on earlier
modules), 6 regions with venues and the full travel matrix. Same seed, same files.
"""
import argparse
import os
import random

WORDS = ("capacity building training land soil drought desertification restoration biodiversity ecosystem "
         "climate adaptation mitigation finance gender youth tenure governance monitoring reporting transparency "
         "indigenous local communities knowledge earth observation data forest wetland water dryland agriculture "
         "resilience early warning national planning strategy action plan technology transfer resource mobilisation "
         "private sector partnership women rights policy assessment indicator target framework synergies").split()
CONVENTIONS = [("UNCCD", "United Nations Convention to Combat Desertification", "COP"),
               ("CBD", "Convention on Biological Diversity", "COP"),
               ("UNFCCC", "United Nations Framework Convention on Climate Change", "CP")]
REGIONS = ["africa", "asia-pacific", "latin-america-caribbean", "northern-mediterranean", "central-eastern-europe", "hq"]
LANGS = ["en", "fr", "es", "ar", "ru", "zh"]


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mandates", type=int, default=5000)
    ap.add_argument("--modules", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    with open(os.path.join(a.out, "conventions.yaml"), "w") as f:
        f.write("conventions:\n")
        for cid, name, _ in CONVENTIONS:
            f.write(f"  - id: {cid}\n    name: {name}\n")

    themes = [f"theme-{i:02d}" for i in range(40)]
    with open(os.path.join(a.out, "themes.yaml"), "w") as f:
        f.write("themes:\n")
        for i, t in enumerate(themes):
            f.write(f"  - id: {t}\n    label: {q(sentence(rng, 3).capitalize())}\n")
            if i >= 10:
                f.write(f"    parent: {themes[i % 10]}\n")
            f.write("    terms:\n")
            for cid, _, _ in CONVENTIONS:
                f.write(f"      {cid}: [{q(sentence(rng, 2))}, {q(sentence(rng, 3))}]\n")

    mandates = []
    os.makedirs(os.path.join(a.out, "mandates"), exist_ok=True)
    files = {cid: open(os.path.join(a.out, "mandates", f"{cid.lower()}.yaml"), "w") for cid, _, _ in CONVENTIONS}
    for f in files.values():
        f.write("mandates:\n")
    for i in range(a.mandates):
        cid, _, body = CONVENTIONS[i % 3]
        mid = f"{cid.lower()}-{i:05d}"
        mandates.append((mid, cid))
        year = rng.randint(1995, 2025)
        ts = rng.sample(themes, rng.randint(1, 3))
        f = files[cid]
        f.write(f"  - id: {mid}\n    convention: {cid}\n    symbol: {q(f'{i // 3 + 1}/{body}.{year - 1994}')}\n")
        f.write(f"    title: {q(sentence(rng, 5).capitalize())}\n    year: {year}\n    body: {body}\n")
        f.write(f"    themes: [{', '.join(ts)}]\n    summary: {q(sentence(rng, 25).capitalize() + '.')}\n")
        f.write(f"    source: https://example.org/decisions/{mid}\n")
    for f in files.values():
        f.close()

    by_conv = {cid: [m for m, c in mandates if c == cid] for cid, _, _ in CONVENTIONS}
    with open(os.path.join(a.out, "modules.yaml"), "w") as f:
        f.write("modules:\n")
        for i in range(a.modules):
            convs = rng.sample([c for c, _, _ in CONVENTIONS], 2 if i % 3 == 0 else 1)
            ms = [rng.choice(by_conv[c]) for c in convs for _ in range(rng.randint(1, 2))]
            ms = list(dict.fromkeys(ms))
            delivery = rng.choice(["in-person", "hybrid", "online"])
            f.write(f"  - id: mod-{i:05d}\n    title: {q(sentence(rng, 6).capitalize())}\n")
            f.write(f"    summary: {q(sentence(rng, 20).capitalize() + '.')}\n")
            f.write(f"    themes: [{', '.join(rng.sample(themes, rng.randint(1, 2)))}]\n")
            f.write(f"    mandates: [{', '.join(ms)}]\n    delivery: {delivery}\n")
            f.write(f"    days: {rng.randint(1, 5)}\n    trainers: {rng.randint(1, 3)}\n")
            f.write(f"    languages: [{', '.join(rng.sample(LANGS, rng.randint(1, 3)))}]\n")
            f.write(f"    maxParticipants: {rng.choice([20, 25, 30, 40])}\n    materialsPerParticipant: {rng.randint(0, 80)}\n")
            if delivery == "online":
                f.write(f"    onlinePlatformCost: {rng.randint(0, 2000)}\n")
            if i > 10 and rng.random() < 0.1:
                f.write(f"    prerequisites: [mod-{rng.randrange(i):05d}]\n")

    with open(os.path.join(a.out, "regions.yaml"), "w") as f:
        f.write("regions:\n")
        for r in REGIONS:
            f.write(f"  - id: {r}\n    name: {q(r.replace('-', ' ').title())}\n    timezone: Europe/Berlin\n")
            f.write(f"    dsaPerDay: {rng.randint(150, 350)}\n    participantTravel: {rng.randint(400, 1200)}\n")
            f.write(f"    localTravel: {rng.randint(100, 400)}\n    venues:\n")
            for v in range(3):
                f.write(f"      - {{id: {r}-venue-{v}, name: {q('Venue ' + str(v))}, city: City{v}, "
                        f"capacity: {rng.choice([30, 60, 80])}, costPerDay: {rng.randint(500, 1500)}}}\n")
        f.write("travel:\n")
        for i, x in enumerate(REGIONS):
            for y in REGIONS[i + 1:]:
                f.write(f"  - {{from: {x}, to: {y}, cost: {rng.randint(600, 2500)}}}\n")

    with open(os.path.join(a.out, "queries.txt"), "w") as f:
        for _ in range(50):
            f.write(" ".join(rng.sample(WORDS, rng.randint(1, 3))) + "\n")


if __name__ == "__main__":
    main()
