"""Seq2seq rewrite proposals for sentences the rules could not repair.

Two kinds of model plug in. A *span* model (its directory holds span.MARKER_FILE) reads a
sentence with one flagged span marked and writes the span's replacement. Any other
Hugging Face seq2seq model is a *whole-sentence* model: it rewrites the sentence and the
caller keeps only its edits inside flagged spans. Any model works (`AutoModelForSeq2SeqLM` + `AutoTokenizer`):
a local directory, or a hub name that is already in the local cache. We never
reach the network unless the user sets HF_HUB_OFFLINE=0, so a missing model is a
`ModelNotFound` with a one-line message, never a hang on a download.
The default is the project's own byte-level model in `models/`.
torch and transformers are imported lazily: the core install does not need them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from . import span

DEFAULT_MODEL_NAME = "cleanmt-span"  # span infilling (rewrite/span.py)
WHOLE_SENTENCE_MODEL_NAME = "cleanmt-rewrite-tiny"  # the earlier whole-sentence model, still usable with --model


class ModelNotFound(RuntimeError):
    """The requested rewrite model is not available locally."""


class MissingDependency(ImportError):
    """torch / transformers are not installed (the `model` extra)."""


def default_model_path() -> Path:
    """$CLEANMT_MODEL, else models/cleanmt-span next to src/ (editable install or a
    checkout), else one shipped inside the package; the whole-sentence model where no
    span model is installed."""
    env = os.environ.get("CLEANMT_MODEL")
    if env:
        return Path(env).expanduser()
    here = Path(__file__).resolve()
    candidates = [
        base / name
        for name in (DEFAULT_MODEL_NAME, WHOLE_SENTENCE_MODEL_NAME)
        for base in (here.parents[3] / "models", here.parents[1] / "models")  # a checkout; packaged
    ]
    for c in candidates:
        if (c / "config.json").exists():
            return c
    return candidates[0]


def _missing(name: Optional[str]) -> MissingDependency:
    return MissingDependency(
        f"the rewriter needs torch and transformers ({name} is missing): pip install 'cleanmt[model]'"
    )


def check_dependencies() -> None:
    """Raise MissingDependency (the message `--rewrite` reports) unless torch and
    transformers are installed; finds them without importing them, so a parent
    process can check before it forks its workers."""
    import importlib.util

    for name in ("torch", "transformers"):
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise _missing(name)


def _import_transformers():
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as e:
        raise _missing(e.name) from None
    quiet_transformers()
    return torch, transformers


def quiet_transformers() -> None:
    """Keep transformers' progress bars and warnings off a CLI's stderr."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass


class Proposer:
    """A loaded seq2seq model that returns n-best rewrites for sentences."""

    def __init__(self, model=None, device: str = "cpu", threads: Optional[int] = None, prefix: str = ""):
        torch, transformers = _import_transformers()
        if threads:
            torch.set_num_threads(threads)
        self.spec = str(model) if model is not None else str(default_model_path())
        self.prefix = prefix
        self.device = device
        path = Path(self.spec).expanduser()
        if path.exists():
            if not (path / "config.json").exists():
                raise ModelNotFound(f"rewrite model {self.spec!r}: directory has no config.json")
            kwargs = {"local_files_only": True}
            source = str(path)
        else:
            if model is None or self.spec.startswith((".", "/", "~")) or self.spec.count("/") > 1:
                raise ModelNotFound(f"rewrite model {self.spec!r} not found (no such directory)")
            offline = os.environ.get("HF_HUB_OFFLINE", "1") != "0"
            kwargs = {"local_files_only": offline}
            source = self.spec
        try:
            self.tokenizer = transformers.AutoTokenizer.from_pretrained(source, **kwargs)
            self.model = transformers.AutoModelForSeq2SeqLM.from_pretrained(source, **kwargs)
        except (OSError, ValueError) as e:
            hint = " and not in the local Hugging Face cache (HF_HUB_OFFLINE=0 allows a download)" \
                if not path.exists() and kwargs["local_files_only"] else ""
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise ModelNotFound(f"rewrite model {self.spec!r} could not be loaded{hint}: {first}") from None
        self.model.to(device).eval()
        self.byte_level = type(self.tokenizer).__name__.startswith("ByT5")
        self.task, self.context, self.langs = "sentence", None, None
        marker = path / span.MARKER_FILE if path.exists() else None
        if marker is not None and marker.exists():
            import json

            info = json.loads(marker.read_text(encoding="utf-8"))
            if info.get("task") == span.TASK:
                self.task, self.context = "span", int(info.get("context", span.CONTEXT))
                self.langs = tuple(info.get("langs", ("en",)))  # the target languages it was trained on

    @property
    def span_model(self) -> bool:
        return self.task == "span"

    def span_input(self, text: str, start: int, end: int, category: str = "") -> str:
        return span.make_input(text, start, end, category, self.context or span.CONTEXT)

    def max_input_chars(self) -> int:
        return 400 if self.byte_level else 2000

    def propose(self, sentences: Sequence[str], num_beams: int = 4, batch_size: int = 16,
                strip: bool = True, extra_tokens: int = 16) -> list[list[str]]:
        """n-best outputs (beam search, `num_beams` returned) for each input: rewrites of
        sentences, or (a span model, `span_input`s) replacements of the marked span."""
        import torch

        out: list[list[str]] = []
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))  # less padding
        results: dict[int, list[str]] = {}
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            texts = [self.prefix + sentences[i] for i in idx]
            enc = self.tokenizer(texts, return_tensors="pt", padding=True, truncation=True, max_length=512)
            enc = {k: v.to(self.device) for k, v in enc.items()}
            longest = int(enc["attention_mask"].sum(dim=1).max())
            with torch.no_grad():
                gen = self.model.generate(
                    **enc,
                    num_beams=num_beams,
                    num_return_sequences=num_beams,
                    max_new_tokens=int(longest * 1.3) + extra_tokens if not self.span_model
                    else min(int(longest * 1.3), 160) + extra_tokens,
                    early_stopping=True,
                    do_sample=False,
                )
            decoded = self.tokenizer.batch_decode(gen, skip_special_tokens=True)
            for j, i in enumerate(idx):
                beams = decoded[j * num_beams : (j + 1) * num_beams]
                results[i] = [d.strip() for d in beams] if strip else list(beams)
        for i in range(len(sentences)):
            out.append(results[i])
        return out


    def logprobs(self, sources: Sequence[str], targets: Sequence[str], batch_size: int = 16) -> list[float]:
        """Total log-probability of each target given its source (teacher forcing): how much
        the model prefers a candidate to copying the input ("no change" is an answer)."""
        import torch

        out: list[float] = []
        for b in range(0, len(sources), batch_size):
            src = [self.prefix + x for x in sources[b : b + batch_size]]
            enc = self.tokenizer(src, return_tensors="pt", padding=True, truncation=True, max_length=512)
            lab = self.tokenizer(list(targets[b : b + batch_size]), return_tensors="pt", padding=True,
                                 truncation=True, max_length=512)["input_ids"]
            lab[lab == self.tokenizer.pad_token_id] = -100
            enc = {k: v.to(self.device) for k, v in enc.items()}
            lab = lab.to(self.device)
            with torch.no_grad():
                logits = self.model(**enc, labels=lab).logits
            lp = torch.log_softmax(logits, dim=-1)
            mask = lab != -100
            picked = lp.gather(-1, lab.clamp(min=0).unsqueeze(-1)).squeeze(-1) * mask
            out.extend(float(x) for x in picked.sum(dim=1))
        return out


_LOADED: dict[tuple, Proposer] = {}


def load_proposer(model=None, device: str = "cpu") -> Proposer:
    """A cached Proposer for `model` (a Proposer, a path, a hub name or None)."""
    if isinstance(model, Proposer):
        return model
    key = (str(model) if model is not None else str(default_model_path()), device)
    if key not in _LOADED:
        _LOADED[key] = Proposer(model, device=device)
    return _LOADED[key]
