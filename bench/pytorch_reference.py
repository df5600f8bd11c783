#!/usr/bin/env python3
"""PyTorch reference timings for `npm run bench` (issue 15: "faster than PyTorch on the same CPU").

Reads a JSON object {"threads": 1, "trials": 5, "labs": [config, ...]} on stdin, where every
config is one lab's bench preset resolved by bench/pytorch-config.ts (so the two sides cannot
drift), builds the same model in PyTorch (same layer sizes, number of models trained per step,
batch, optimiser, learning rate and loss), and times median ms per optimiser step (forward,
loss, backward, optimiser step; a learning-rate scheduler step where the lab has one) over
several trials after a warm-up. Writes one JSON object to stdout:
{"torch": version, "threads": n, "labs": [{"lab", "msPerStep", "trials", "stepsPerTrial"}]}.

Data: random tensors of each lab's shapes and sparsity, drawn once into a pool of batches (like
the labs' pre-generated pools); MNIST digits are replaced by uniform [0, 1) pixels and random
labels. Dense arithmetic costs the same on any values, so this is fine for timing, not for
anything else. The models are written the way a PyTorch user would write them: autograd, the
stock optimisers; no hand-written gradients.
"""
import json
import math
import re
import statistics
import sys
import time

import torch
import torch.nn.functional as F

LEAKY_SLOPE = 0.1  # src/analysis/activation-values.ts
ISO_BALL = 1e-3
POOL = 8


def scalar_act(fn, x):
    if fn == "tanh":
        return torch.tanh(x)
    if fn == "relu":
        return torch.relu(x)
    if fn == "leaky-relu":
        return F.leaky_relu(x, LEAKY_SLOPE)
    if fn == "sigmoid":
        return torch.sigmoid(x)
    if fn == "elu":
        return F.elu(x)
    if fn == "gelu":  # tanh approximation, as the labs
        return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    raise ValueError(f"unknown activation {fn}")


def apply_act(spec, x, basis=None):
    """spec: {"kind": "elementwise"|"isotropic", "fn": ...}; rows of x are samples."""
    if spec["kind"] == "isotropic":
        r = torch.clamp(x.square().sum(-1, keepdim=True).sqrt(), min=ISO_BALL)
        if spec["fn"] == "tanh":
            gain = torch.tanh(r) / r
        else:
            gain = torch.where(r < 1, torch.full_like(r, LEAKY_SLOPE), (r - 1 + LEAKY_SLOPE) / r)
        return x * gain
    if basis is not None:
        return scalar_act(spec["fn"], x @ basis.t()) @ basis
    return scalar_act(spec["fn"], x)


def uniform_(shape, fan_in, gen):
    bound = 1 / math.sqrt(fan_in)
    return ((torch.rand(shape, generator=gen) * 2 - 1) * bound).requires_grad_()


def glorot_(shape, fan_in, fan_out, gen, scale=1.0):
    std = scale * math.sqrt(2 / (fan_in + fan_out))
    return (torch.randn(shape, generator=gen) * std).requires_grad_()


def make_optimizer(cfg, params, decayed=None):
    lr = cfg["lr"]
    kind = cfg["optimizer"]
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if kind == "adamw":
        decayed = decayed or []
        ids = {id(p) for p in decayed}
        groups = [
            {"params": [p for p in params if id(p) in ids], "weight_decay": cfg["weightDecay"]},
            {"params": [p for p in params if id(p) not in ids], "weight_decay": 0.0},
        ]
        return torch.optim.AdamW(groups, lr=lr)
    raise ValueError(f"unknown optimiser {kind}")


def build(cfg, gen):
    """Returns (step, description): step() runs one optimiser step on a random pool batch."""
    kind = cfg["kind"]
    B = cfg["batch"]
    pick = lambda: int(torch.randint(POOL, (1,), generator=gen))  # noqa: E731

    if kind == "toy":
        # x' = ReLU(Wᵀ W x + b), loss Σ_i I_i (x_i − x'_i)² averaged over the batch.
        n, m = cfg["n"], cfg["m"]
        s = cfg["sparsity"]
        pool = [torch.rand(B, n, generator=gen) * (torch.rand(B, n, generator=gen) >= s) for _ in range(POOL)]
        imp = torch.tensor(cfg["importance"], dtype=torch.float32)
        W = glorot_((m, n), m, n, gen)
        b = torch.zeros(n, requires_grad=True)
        opt = make_optimizer(cfg, [W, b])

        def step():
            x = pool[pick()]
            out = torch.relu(x @ W.t() @ W + b)
            loss = (imp * (x - out).square()).sum(1).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        return step, f"ReLU(WᵀWx+b) n={n} m={m}, batch {B}"

    if kind == "quadratic":
        # ŷ = Σ_k (W x)_k² + b against y = Σ v_i x_i², MSE.
        n, m = cfg["n"], cfg["m"]
        v = torch.tensor(cfg["importance"], dtype=torch.float32)
        xs = [torch.randn(B, n, generator=gen) for _ in range(POOL)]
        pool = [(x, (x.square() * v).sum(1)) for x in xs]
        W = (torch.randn(m, n, generator=gen) / math.sqrt(n)).requires_grad_()
        b = torch.zeros(1, requires_grad=True)
        opt = make_optimizer(cfg, [W, b])

        def step():
            x, y = pool[pick()]
            y_hat = (x @ W.t()).square().sum(1) + b
            loss = (y_hat - y).square().mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        return step, f"quadratic Σ(Wx)²+b n={n} m={m}, batch {B}"

    if kind == "bows":
        # Tied autoencoder on binary bags: x' = ReLU(Wᵀ W x + b), MSE over all V outputs, AdamW
        # (decay on W only) with a cosine schedule from lr to lr·lrEnd over `horizon` steps.
        V, m = cfg["V"], cfg["m"]
        density = cfg["activeWords"] / V
        pool = [(torch.rand(B, V, generator=gen) < density).float() for _ in range(POOL)]
        W = glorot_((m, V), m, V, gen)
        b = torch.zeros(V, requires_grad=True)
        opt = make_optimizer(cfg, [W, b], decayed=[W])
        horizon, end = cfg["horizon"], cfg["lrEnd"]
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda t: end + (1 - end) * 0.5 * (1 + math.cos(math.pi * min(t, horizon) / horizon))
        )

        def step():
            x = pool[pick()]
            out = torch.relu(x @ W.t() @ W + b)
            loss = (out - x).square().mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()

        return step, f"bag-of-words autoencoder V={V} m={m}, dense x, batch {B}"

    if kind == "spotlight":
        # G autoencoders d → h → k → h → d, one per activation, trained together on the same
        # batch (Σ_g MSE_g); the first layer of all G is one fused [d, G·h] matrix, as in the lab.
        d, h, k = cfg["inputDim"], cfg["hidden"], cfg["k"]
        acts = cfg["activations"]
        G = len(acts)
        pool = [torch.rand(B, d, generator=gen) for _ in range(POOL)]
        W1 = uniform_((d, G * h), d, gen)
        b1 = uniform_((G * h,), d, gen)
        layers = []
        for _ in range(G):
            layers.append([
                uniform_((h, k), h, gen), uniform_((k,), h, gen),
                uniform_((k, h), k, gen), uniform_((h,), k, gen),
                uniform_((h, d), h, gen), uniform_((d,), h, gen),
            ])
        bases = []
        for a in acts:
            K = a.get("basis")
            if K:
                bt = torch.randn(K, k, generator=gen)
                bases.append(bt / bt.norm(dim=1, keepdim=True))
            else:
                bases.append(None)
        hidden_specs = [{"kind": a["kind"], "fn": a["fn"]} for a in acts]
        params = [W1, b1] + [p for L in layers for p in L]
        opt = make_optimizer(cfg, params)

        def step():
            x = pool[pick()]
            pre1 = (x @ W1 + b1).split(h, dim=1)
            loss = 0
            for g in range(G):
                W2, b2, W3, b3, W4, b4 = layers[g]
                a1 = apply_act(hidden_specs[g], pre1[g])
                z = apply_act(acts[g], a1 @ W2 + b2, bases[g])
                a3 = apply_act(hidden_specs[g], z @ W3 + b3)
                out = a3 @ W4 + b4
                loss = loss + (out - x).square().mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        names = ",".join(("iso-" if a["kind"] == "isotropic" else "") + a["fn"] + (f"(K={a['basis']})" if a.get("basis") else "") for a in acts)
        return step, f"{G} autoencoders {d}→{h}→{k}→{h}→{d} [{names}], batch {B}"

    if kind == "intertwiner":
        # G networks (two seeds per activation) trained together: the first layer fused
        # [784, G·h], later layers batched [G, in, out]; Σ over networks of the mean
        # cross-entropy (classifier) or MSE (autoencoder); Adam, decoupled weight decay if set.
        dims = cfg["dims"]
        acts = cfg["activations"]  # one spec per network
        G = len(acts)
        task = cfg["task"]
        xs = [torch.rand(B, dims[0], generator=gen) for _ in range(POOL)]
        ys = [torch.randint(dims[-1], (B,), generator=gen) for _ in range(POOL)]
        h0 = dims[1]
        Ws = [glorot_((dims[0], G * h0), dims[0], h0, gen)]
        bs = [torch.zeros(G * h0, requires_grad=True)]
        for l in range(1, len(dims) - 1):
            Ws.append(glorot_((G, dims[l], dims[l + 1]), dims[l], dims[l + 1], gen))
            bs.append(torch.zeros(G, 1, dims[l + 1], requires_grad=True))
        opt = make_optimizer(cfg, Ws + bs)
        decay = 1 - cfg["lr"] * cfg.get("weightDecay", 0)
        # Consecutive networks with the same activation are activated as one slice.
        runs = []
        for g, a in enumerate(acts):
            if runs and runs[-1][2] == a:
                runs[-1][1] += 1
            else:
                runs.append([g, 1, a])

        def activate(z):  # z: [G, B, d]
            return torch.cat([apply_act(a, z[s:s + c]) for s, c, a in runs], 0)

        def step():
            p = pick()
            x, y = xs[p], ys[p]
            z = (x @ Ws[0] + bs[0]).view(B, G, h0).transpose(0, 1)
            hcur = activate(z)
            for l in range(1, len(Ws)):
                z = torch.baddbmm(bs[l], hcur, Ws[l])
                hcur = activate(z) if l < len(Ws) - 1 else z
            if task == "classifier":
                loss = F.cross_entropy(hcur.reshape(G * B, -1), y.repeat(G), reduction="sum") / B
            else:
                loss = (hcur - x).square().mean() * G
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            if decay != 1:
                with torch.no_grad():
                    for W in Ws:
                        W.mul_(decay)

        return step, f"{G} {task}s {'→'.join(map(str, dims))}, batch {B}"

    if kind == "mlp":
        # The bias lab's MLP: inputs → width → width → rep → F, per-feature BCE (or squared
        # error to ±1), summed over features and averaged over the batch; Adam.
        sizes = cfg["sizes"]
        pool = [((torch.rand(B, sizes[0], generator=gen) < 0.5).float(), (torch.rand(B, sizes[-1], generator=gen) < 0.5).float()) for _ in range(POOL)]
        params = []
        for i, o in zip(sizes[:-1], sizes[1:]):
            params.append(glorot_((i, o), i, o, gen, cfg.get("initScale", 1.0)))
            params.append(torch.zeros(o, requires_grad=True))
        opt = make_optimizer(cfg, params)
        fn = cfg["activation"]

        def step():
            x, y = pool[pick()]
            hcur = x
            L = len(params) // 2
            for l in range(L):
                hcur = hcur @ params[2 * l] + params[2 * l + 1]
                if l < L - 1:
                    hcur = scalar_act(fn, hcur)
            if cfg["loss"] == "bce":
                loss = F.binary_cross_entropy_with_logits(hcur, y, reduction="sum") / B
            else:
                loss = (hcur - (2 * y - 1)).square().sum() / B
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        return step, f"MLP {'→'.join(map(str, sizes))} {fn}, batch {B}"

    if kind == "linearAe":
        # x̂ = W₂ W₁ x, MSE summed over the d outputs and averaged over the batch (the pca lab).
        d, k = cfg["d"], cfg["k"]
        pool = [torch.randn(B, d, generator=gen) for _ in range(POOL)]
        W1 = (torch.randn(k, d, generator=gen) / math.sqrt(d)).requires_grad_()
        W2 = (torch.randn(d, k, generator=gen) / math.sqrt(k)).requires_grad_()
        opt = make_optimizer(cfg, [W1, W2])

        def step():
            x = pool[pick()]
            loss = (x @ W1.t() @ W2.t() - x).square().sum(1).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        return step, f"linear autoencoder d={d} k={k}, batch {B}"

    raise ValueError(f"unknown model kind {kind}")


def time_lab(cfg, trials, target_s):
    gen = torch.Generator().manual_seed(int(cfg.get("seed", 1)))
    step, description = build(cfg, gen)
    # Warm-up: at least 5 steps and about a fifth of a trial.
    t0 = time.perf_counter()
    done = 0
    while done < 5 or time.perf_counter() - t0 < target_s / 5:
        step()
        done += 1
    per = (time.perf_counter() - t0) / done
    steps = max(2, min(2000, round(target_s / max(per, 1e-5))))
    ms = []
    for _ in range(trials):
        t = time.perf_counter()
        for _ in range(steps):
            step()
        ms.append((time.perf_counter() - t) * 1000 / steps)
    return {
        "lab": cfg["lab"],
        "preset": cfg.get("preset"),
        "model": description,
        "msPerStep": statistics.median(ms),
        "trialsMs": ms,
        "stepsPerTrial": steps,
    }


def loaded_blas():
    """The BLAS shared library this process mapped (Debian's torch loads libblas.so.3 through the
    system's alternatives: the slow reference BLAS, or OpenBLAS when libopenblas0 is installed)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return "unknown"
    found = sorted(p for p in paths if re.search(r"blas|mkl", p.rsplit("/", 1)[-1]))
    return ", ".join(found) or "none"


def main():
    req = json.load(sys.stdin)
    threads = int(req.get("threads", 1))
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    trials = int(req.get("trials", 5))
    target_s = float(req.get("trialSeconds", 1.0))
    config = torch.__config__.show()
    blas = next((part.split("=", 1)[1] for part in config.replace(",", "\n").split() if part.startswith("BLAS_INFO=")), "unknown")
    out = {"torch": torch.__version__, "python": sys.version.split()[0], "threads": torch.get_num_threads(), "blas": blas, "blasLibrary": loaded_blas(), "labs": []}
    for cfg in req["labs"]:
        try:
            out["labs"].append(time_lab(cfg, trials, target_s))
        except Exception as err:  # report per lab, keep timing the others
            out["labs"].append({"lab": cfg.get("lab"), "msPerStep": None, "error": f"{type(err).__name__}: {err}"})
        print(f"pytorch {cfg.get('lab')}: {out['labs'][-1].get('msPerStep')} ms/step", file=sys.stderr, flush=True)
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
