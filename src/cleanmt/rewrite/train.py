"""Train the default rewriter from scratch: `python -m cleanmt.rewrite.train`.

A small T5 (byte-level, ByT5 tokenizer: no vocabulary file) learns to map
sentences damaged by `inject.py` back to the clean originals. Data: clean
English news (gensim's lee_background.cor by default, or `--corpus FILE`, one
document per line); every 10th document is held out for evaluation and never
trained on. Fresh damage is drawn every round, so the model sees each sentence
with different artifacts (and as an identity pair, to learn to copy).

Curriculum: a from-scratch byte-level encoder-decoder must first learn to copy
(T5 has no absolute positions, so copying is learnt as content matching, which
shows up as a long loss plateau and then a sudden drop). Steps, not bytes, end
that plateau, so training starts on short word-aligned windows of the
sentences (cheap steps) and grows them to whole sentences, either over
`--ramp` of the time budget or (`--ramp 0`) by 16 bytes each time the recent
training loss falls below `--grow-below`, i.e. once copying works.

Training is bounded by wall-clock minutes (the LR schedule is a cosine over
the time budget) and saves a usable checkpoint every few minutes, so stopping
it early still leaves a model.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import time
from pathlib import Path

from . import inject

PAD, EOS, OFFSET = 0, 1, 3  # ByT5: ids 0..2 are special, byte b is id b + 3


def encode(text: str) -> list[int]:
    """ByT5 ids for `text` plus EOS (same as ByT5Tokenizer, without the overhead)."""
    return [b + OFFSET for b in text.encode("utf-8")] + [EOS]


def model_config(size: str = "tiny"):
    from transformers import T5Config

    sizes = {
        # d_model, d_ff, enc layers, dec layers, heads
        "micro": (128, 512, 2, 1, 4),
        "mini": (192, 768, 3, 2, 4),
        "tiny": (256, 1024, 4, 2, 4),
        "small": (320, 1280, 6, 2, 4),
    }
    d_model, d_ff, n_enc, n_dec, heads = sizes[size]
    return T5Config(
        vocab_size=384,
        d_model=d_model,
        d_kv=d_model // heads,
        d_ff=d_ff,
        num_layers=n_enc,
        num_decoder_layers=n_dec,
        num_heads=heads,
        relative_attention_num_buckets=32,
        relative_attention_max_distance=128,
        dropout_rate=0.0,
        feed_forward_proj="relu",
        tie_word_embeddings=True,
        pad_token_id=PAD,
        eos_token_id=EOS,
        decoder_start_token_id=PAD,
    )


def make_batches(pairs, max_tokens: int, rng: random.Random):
    """Length-bucketed batches of (src_ids, tgt_ids) under a padded-token budget."""
    enc = [(encode(a), encode(b)) for a, b, _ in pairs]
    rng.shuffle(enc)
    chunk = 2000
    batches = []
    for i in range(0, len(enc), chunk):
        part = sorted(enc[i : i + chunk], key=lambda p: len(p[0]))
        cur, longest = [], 0
        for p in part:
            longest2 = max(longest, len(p[0]), len(p[1]))
            if cur and longest2 * (len(cur) + 1) > max_tokens:
                batches.append(cur)
                cur, longest2 = [], max(len(p[0]), len(p[1]))
            cur.append(p)
            longest = longest2
        if cur:
            batches.append(cur)
    rng.shuffle(batches)
    return batches


def collate(batch):
    import torch

    src_len = max(len(s) for s, _ in batch)
    tgt_len = max(len(t) for _, t in batch)
    src = torch.full((len(batch), src_len), PAD, dtype=torch.long)
    labels = torch.full((len(batch), tgt_len), -100, dtype=torch.long)
    for i, (s, t) in enumerate(batch):
        src[i, : len(s)] = torch.tensor(s)
        labels[i, : len(t)] = torch.tensor(t)
    return src, (src != PAD).long(), labels


def fragment(sentence: str, max_bytes: int, rng: random.Random) -> str:
    """A random word-aligned window of at most `max_bytes` (the whole sentence if it fits)."""
    if len(sentence.encode("utf-8")) <= max_bytes:
        return sentence
    words = sentence.split(" ")
    start = rng.randrange(len(words))
    out, size = [], 0
    for w in words[start:]:
        size += len(w.encode("utf-8")) + 1
        if out and size > max_bytes:
            break
        out.append(w)
    return " ".join(out)[: max_bytes]


def curriculum_length(frac: float, ramp: float, shortest: int = 48) -> int:
    """Window size in bytes: short first (copying is learnt in many cheap steps), then whole sentences."""
    longest = inject.MAX_BYTES - 8
    return int(shortest + (longest - shortest) * min(1.0, frac / ramp)) if ramp > 0 else longest


def round_pairs(sentences, rng, max_bytes: int):
    out = []
    for s in sentences:
        p = inject.make_pair(fragment(s, max_bytes, rng), rng)
        if p is not None:
            out.append(p)
    return out


def save_model(model, out_dir: Path, stats: dict):
    """Write the model atomically (temp dir + rename) so a reader never sees half."""
    from transformers import ByT5Tokenizer, GenerationConfig

    tmp = out_dir.with_name(out_dir.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    model.save_pretrained(tmp, safe_serialization=True)
    ByT5Tokenizer().save_pretrained(tmp)
    GenerationConfig(
        decoder_start_token_id=PAD, eos_token_id=EOS, pad_token_id=PAD,
        num_beams=4,
    ).save_pretrained(tmp)
    (tmp / "training_stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    keep = out_dir / "README.md"
    if keep.exists():
        shutil.copy2(keep, tmp / "README.md")
    old = out_dir.with_name(out_dir.name + ".old")
    if out_dir.exists():
        out_dir.rename(old)
    tmp.rename(out_dir)
    if old.exists():
        shutil.rmtree(old)


def evaluate(model, pairs, n_loss=256, n_gen=48):
    """Held-out loss and greedy exact-fix rate on a few held-out pairs."""
    import torch

    model.eval()
    losses = []
    with torch.no_grad():
        for i in range(0, min(n_loss, len(pairs)), 32):
            src, mask, labels = collate([(encode(a), encode(b)) for a, b, _ in pairs[i : i + 32]])
            losses.append(model(input_ids=src, attention_mask=mask, labels=labels).loss.item())
        gen = pairs[:n_gen]
        src, mask, _ = collate([(encode(a), encode(b)) for a, b, _ in gen])
        out = model.generate(input_ids=src, attention_mask=mask, max_length=inject.MAX_BYTES + 16, num_beams=1)
    model.train()
    decoded = [bytes([t - OFFSET for t in row.tolist() if t >= OFFSET]).decode("utf-8", "replace") for row in out]
    exact = sum(d == b for d, (_, b, _) in zip(decoded, gen)) / max(1, len(gen))
    return {"heldout_loss": sum(losses) / max(1, len(losses)), "heldout_exact_greedy": exact,
            "sample": [gen[0][0], decoded[0]]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[3] / "models" / "cleanmt-rewrite-tiny"))
    ap.add_argument("--corpus", help="text file, one document per line (default: lee_background.cor)")
    ap.add_argument("--size", default="tiny", choices=["micro", "mini", "tiny", "small"])
    ap.add_argument("--minutes", type=float, default=35.0, help="wall-clock training budget")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: time only)")
    ap.add_argument("--max-tokens", type=int, default=6000, help="padded tokens per batch (per side)")
    ap.add_argument("--lr", type=float, default=1.5e-3)
    ap.add_argument("--warmup", type=int, default=150)
    ap.add_argument("--ramp", type=float, default=0.4,
                    help="fraction of the budget over which windows grow from 48 bytes to whole sentences")
    ap.add_argument("--grow-below", type=float, default=0.6,
                    help="with --ramp 0: grow the window by 16 bytes when the mean loss of the last "
                         "20 steps is below this")
    ap.add_argument("--round-size", type=int, default=512, help="sentences damaged afresh per round")
    ap.add_argument("--save-every", type=float, default=5.0, help="minutes between checkpoints")
    ap.add_argument("--init-from", help="start from this saved model instead of random weights")
    ap.add_argument("--start-window", type=int, default=48, help="initial window in bytes (adaptive curriculum)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--device", default="cpu")
    args = ap.parse_args(argv)

    import torch
    from transformers import T5ForConditionalGeneration

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    if args.corpus:
        docs = [ln.strip() for ln in Path(args.corpus).read_text(encoding="utf-8").splitlines() if ln.strip()]
    else:
        from ..corpora import lee_background

        docs = lee_background()
    train_docs, held_docs = inject.split_documents(docs)
    train_sents = inject.corpus_sentences(train_docs)
    held = inject.heldout_pairs(docs)
    print(f"{len(train_docs)} train docs ({len(train_sents)} sentences), {len(held_docs)} held-out docs "
          f"({len(held)} damaged pairs)", flush=True)

    if args.init_from:  # continue from a saved model (its own size)
        model = T5ForConditionalGeneration.from_pretrained(args.init_from, local_files_only=True).to(args.device)
    else:
        model = T5ForConditionalGeneration(model_config(args.size)).to(args.device)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {n_params:,}", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    budget = args.minutes * 60
    out_dir = Path(args.out)
    out_dir.parent.mkdir(parents=True, exist_ok=True)

    t0 = time.time()
    last_save = t0
    step = seen = rounds = 0
    order: list[str] = []
    recent: list[float] = []
    max_bytes = args.start_window
    stats = {}
    done = False
    while not done:
        rounds += 1
        if args.ramp > 0:
            frac = min(1.0, (time.time() - t0) / budget)
            max_bytes = curriculum_length(frac, args.ramp)
        elif recent and sum(recent) / len(recent) < args.grow_below:
            # adaptive curriculum: longer windows only once short ones are copied well
            max_bytes = min(inject.MAX_BYTES - 8, max_bytes + 16)
            recent.clear()
        if len(order) < args.round_size:
            more = train_sents[:]
            rng.shuffle(more)
            order += more
        chunk, order = order[: args.round_size], order[args.round_size :]
        for batch in make_batches(round_pairs(chunk, rng, max_bytes), args.max_tokens, rng):
            elapsed = time.time() - t0
            frac = min(1.0, elapsed / budget)
            lr = args.lr * min(1.0, (step + 1) / args.warmup) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr
            src, mask, labels = collate(batch)
            loss = model(input_ids=src.to(args.device), attention_mask=mask.to(args.device),
                         labels=labels.to(args.device)).loss
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            seen += len(batch)
            recent = (recent + [loss.item()])[-20:]
            if step % 25 == 0:
                print(json.dumps({"step": step, "seen": seen, "window": max_bytes, "loss": round(loss.item(), 4),
                                  "lr": round(lr, 6), "min": round(elapsed / 60, 2)}), flush=True)
            stop = elapsed >= budget or (args.max_steps and step >= args.max_steps)
            if stop or time.time() - last_save >= args.save_every * 60:
                ev = evaluate(model, held)
                stats = {
                    "size": args.size, "parameters": n_params, "steps": step,
                    "epochs": round(seen / max(1, len(train_sents)), 1),
                    "pairs_seen": seen, "train_minutes": round((time.time() - t0) / 60, 1),
                    "threads": args.threads, "device": args.device, "lr": args.lr,
                    "max_tokens_per_batch": args.max_tokens, "curriculum_ramp": args.ramp, "final_window_bytes": max_bytes,
                    "train_documents": len(train_docs),
                    "train_sentences": len(train_sents), "heldout_documents": len(held_docs),
                    "heldout_pairs": len(held), "final_train_loss": round(loss.item(), 4),
                    "seed": args.seed, **ev,
                }
                save_model(model, out_dir, stats)
                print(json.dumps({"checkpoint": str(out_dir), **stats}), flush=True)
                last_save = time.time()
            if stop:
                done = True
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
