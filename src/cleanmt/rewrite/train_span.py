"""Train the span-infilling model: `python -m cleanmt.rewrite.train_span`.

The model reads a sentence with one flagged span marked (rewrite/span.py) and writes
what should stand in the span. Examples come from span_inject.py (clean English news
damaged with the project's own tables read backwards), drawn afresh every round; every
10th document of the corpus is held out and never trained on. By default it starts from
the whole-sentence model's weights (same byte vocabulary, already able to copy), which
saves the from-scratch copying plateau train.py's curriculum exists for.

Bounded by wall-clock minutes (cosine LR over the budget), a checkpoint every few
minutes, so stopping early still leaves a usable model.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

from . import inject, span, span_inject
from .train import collate, encode, make_batches, model_config, save_model

ROOT = Path(__file__).resolve().parents[3]


def decode(ids) -> str:
    from .train import OFFSET

    return bytes([t - OFFSET for t in ids if t >= OFFSET]).decode("utf-8", "replace")


def evaluate(model, examples, n_loss=256):
    """Held-out loss and greedy exact rate per family."""
    import torch

    model.eval()
    losses, exact = [], {}
    with torch.no_grad():
        for i in range(0, min(n_loss, len(examples)), 32):
            src, mask, labels = collate([(encode(a), encode(b)) for a, b, _ in examples[i : i + 32]])
            losses.append(model(input_ids=src, attention_mask=mask, labels=labels).loss.item())
        for i in range(0, len(examples), 32):
            part = examples[i : i + 32]
            src, mask, _ = collate([(encode(a), encode(b)) for a, b, _ in part])
            out = model.generate(input_ids=src, attention_mask=mask, max_new_tokens=96, num_beams=1)
            for row, (_, target, family) in zip(out, part):
                hit = decode(row.tolist()) == target
                got, n = exact.get(family, (0, 0))
                exact[family] = (got + hit, n + 1)
    model.train()
    total = sum(g for g, _ in exact.values()) / max(1, sum(n for _, n in exact.values()))
    return {"heldout_loss": round(sum(losses) / max(1, len(losses)), 4), "heldout_exact_greedy": round(total, 4),
            "heldout_exact_by_family": {k: f"{g}/{n}" for k, (g, n) in sorted(exact.items())}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "models" / "cleanmt-span"))
    ap.add_argument("--init-from", default=str(ROOT / "models" / "cleanmt-rewrite-tiny"),
                    help="start from this saved model ('' for random weights of --size)")
    ap.add_argument("--size", default="mini", choices=["micro", "mini", "tiny", "small"])
    ap.add_argument("--minutes", type=float, default=45.0)
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--max-tokens", type=int, default=4000, help="padded source tokens per batch")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--round-size", type=int, default=1024)
    ap.add_argument("--save-every", type=float, default=10.0)
    ap.add_argument("--threads", type=int, default=1,
                    help="torch threads; on a shared machine 2 threads spin-wait and ran 7x slower than 1")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    import torch
    from transformers import T5ForConditionalGeneration

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    from ..corpora import lee_background

    docs = lee_background()
    train_docs, held_docs = inject.split_documents(docs)
    train_sents = inject.corpus_sentences(train_docs)
    held = [(e.input, e.target, e.family) for e in
            span_inject.heldout_examples(inject.corpus_sentences(held_docs), per_family=12)]
    print(f"{len(train_sents)} train sentences, {len(held)} held-out examples", flush=True)
    if args.init_from:
        model = T5ForConditionalGeneration.from_pretrained(args.init_from, local_files_only=True)
    else:
        model = T5ForConditionalGeneration(model_config(args.size))
    n_params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    budget = args.minutes * 60
    out_dir = Path(args.out)
    t0 = last_save = time.time()
    step = seen = 0
    order: list[str] = []
    done = False
    families: dict = {}
    while not done:
        if len(order) < args.round_size:
            more = train_sents[:]
            rng.shuffle(more)
            order += more
        chunk, order = order[: args.round_size], order[args.round_size :]
        examples = [(e.input, e.target, e.family) for e in (span_inject.make_example(s, rng) for s in chunk)
                    if e is not None]
        for _, _, f in examples:
            families[f] = families.get(f, 0) + 1
        for batch in make_batches(examples, args.max_tokens, rng):
            elapsed = time.time() - t0
            frac = min(1.0, elapsed / budget)
            lr = args.lr * min(1.0, (step + 1) / args.warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr
            src, mask, labels = collate(batch)
            loss = model(input_ids=src, attention_mask=mask, labels=labels).loss
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += len(batch)
            if step % 25 == 0:
                print(json.dumps({"step": step, "seen": seen, "loss": round(loss.item(), 4), "lr": round(lr, 6),
                                  "min": round(elapsed / 60, 2)}), flush=True)
            stop = elapsed >= budget or (args.max_steps and step >= args.max_steps)
            if stop or time.time() - last_save >= args.save_every * 60:
                ev = evaluate(model, held)
                stats = {
                    "task": span.TASK, "init_from": Path(args.init_from).name if args.init_from else None,
                    "parameters": n_params, "steps": step, "examples_seen": seen,
                    "examples_by_family": families, "train_minutes": round((time.time() - t0) / 60, 1),
                    "threads": args.threads, "device": "cpu", "lr": args.lr, "max_tokens_per_batch": args.max_tokens,
                    "train_documents": len(train_docs), "train_sentences": len(train_sents),
                    "heldout_documents": len(held_docs), "heldout_examples": len(held),
                    "final_train_loss": round(loss.item(), 4), "seed": args.seed, **ev,
                }
                save_model(model, out_dir, stats)
                (out_dir / span.MARKER_FILE).write_text(json.dumps(
                    {"task": span.TASK, "format": 1, "context": span.CONTEXT, "langs": ["en"]}, indent=2) + "\n")
                print(json.dumps({"checkpoint": str(out_dir), **stats}), flush=True)
                last_save = time.time()
            if stop:
                done = True
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
