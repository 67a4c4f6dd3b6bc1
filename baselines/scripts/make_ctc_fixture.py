#!/usr/bin/python3
"""Reference CTC losses and gradients from torch.nn.functional.ctc_loss (Debian python3-torch).

Writes baselines/src/test/resources/fixtures/ctc_reference.json: per case, float32 logits (B, T, C), per-utterance
input lengths, jagged targets (blank = 0 never appears in a target), and for reduction 'mean' and 'sum' (and, where
set, zero_infinity) torch's loss and d loss / d logits, where log-probs = log_softmax(logits) over C. torch runs in
float64 on the stored float32 values, so the reference carries no float32 rounding of its own. torch gives an
infinite loss and NaN gradients for an infeasible utterance without zero_infinity: the fixture stores the loss as
the string "inf" and grad_nan = true instead of the gradient.
Cases: random batches, repeated labels (which need separating blanks), target length 0, input length equal to the
minimal feasible length (target length + number of adjacent repeats), and an infeasible utterance.
Run: /usr/bin/python3 baselines/scripts/make_ctc_fixture.py
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.manual_seed(20240611)


def minimal_length(target):
    return len(target) + sum(1 for a, b in zip(target, target[1:]) if a == b)


def reference(logits, input_lengths, targets, reduction, zero_infinity):
    x = logits.double().clone().requires_grad_(True)
    lp = x.log_softmax(2).transpose(0, 1)  # (T, B, C), as torch expects
    flat = torch.tensor([t for tgt in targets for t in tgt], dtype=torch.long)
    lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
    loss = F.ctc_loss(lp, flat, torch.tensor(input_lengths, dtype=torch.long), lengths, blank=0,
                      reduction=reduction, zero_infinity=zero_infinity)
    loss.backward()
    value = float(loss)
    out = {"reduction": reduction, "zero_infinity": zero_infinity,
           "loss": "inf" if math.isinf(value) else value}
    if torch.isnan(x.grad).any():
        out["grad_nan"] = True
    else:
        out["grad"] = [float("%.10g" % g) for g in x.grad.flatten().tolist()]
    return out


def case(name, b, t, c, input_lengths, targets, zero_infinity_too=False):
    logits = (torch.randn(b, t, c) * 2).float()
    results = []
    for reduction in ("mean", "sum"):
        results.append(reference(logits, input_lengths, targets, reduction, False))
        if zero_infinity_too:
            results.append(reference(logits, input_lengths, targets, reduction, True))
    return {"name": name, "batch": b, "time": t, "classes": c, "logits": logits.flatten().tolist(),
            "input_lengths": input_lengths, "targets": targets, "results": results}


def random_targets(b, c, max_len, input_lengths):
    targets = []
    for i in range(b):
        while True:
            n = int(torch.randint(0, max_len + 1, (1,)))
            tgt = [int(v) for v in torch.randint(1, c, (n,))]
            if minimal_length(tgt) <= input_lengths[i]:
                break
        targets.append(tgt)
    return targets


cases = []
lens = [30, 22, 17, 30]
cases.append(case("random small", 4, 30, 6, lens, random_targets(4, 6, 10, lens)))
lens = [60, 47, 60, 31, 55, 60]
cases.append(case("random large", 6, 60, 20, lens, random_targets(6, 20, 25, lens)))
cases.append(case("repeated labels", 3, 12, 4, [12, 9, 12], [[1, 1, 1], [2, 2, 3, 3], [1, 2, 2, 1, 1]]))
cases.append(case("empty target", 3, 8, 5, [8, 5, 1], [[], [3], []]))
minimal = [[1, 1, 1], [1, 2, 3], [2, 2, 2, 2], [4]]
cases.append(case("minimal input length", 4, 7, 5, [minimal_length(t) for t in minimal], minimal))
cases.append(case("infeasible", 3, 6, 4, [6, 4, 3], [[1, 2], [1, 1, 1], [3, 3]], zero_infinity_too=True))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "fixtures",
                   "ctc_reference.json")
with open(out, "w") as f:
    json.dump({"generator": "baselines/scripts/make_ctc_fixture.py", "torch": torch.__version__, "cases": cases}, f)
print("wrote", os.path.normpath(out))
