#!/usr/bin/python3
"""Reference values and gradients of the MASR hard-triplet hinge, computed with PyTorch (Debian python3-torch).

Writes masr/src/test/resources/fixtures/triplet_reference.json: for random batches, the inputs (q, e, labels,
alpha, margin, lambda), the mined triplets (eq. 3, combined mining on p = [q/|q|; alpha e]), the loss
(mean over anchors with a triplet, times lambda) and d loss / d q. Mining rules match HardTripletMiner: the anchor
is not its own positive, ties go to the lowest index, anchors without a positive or negative add nothing.
Run: /usr/bin/python3 masr/scripts/make_triplet_fixture.py
"""
import json
import torch

torch.manual_seed(1234)


def cosine_distance(x):
    n = x / x.norm(dim=1, keepdim=True).clamp_min(1e-12)
    return 1 - n @ n.T


def mine(p, labels):
    d = cosine_distance(p.double())
    b = len(labels)
    pos, neg = [], []
    for i in range(b):
        kp, kn = -1, -1
        for k in range(b):
            if k == i:
                continue
            if labels[k] == labels[i]:
                if kp < 0 or d[i, k] > d[i, kp]:
                    kp = k
            elif kn < 0 or d[i, k] < d[i, kn]:
                kn = k
        pos.append(kp)
        neg.append(kn)
    return pos, neg


cases = []
for case, (b, dq, de, nlab) in enumerate([(8, 6, 4, 3), (12, 16, 5, 4), (6, 3, 2, 6), (10, 8, 3, 1)]):
    q = torch.randn(b, dq, dtype=torch.float32)
    e = torch.nn.functional.normalize(torch.rand(b, de), dim=1)
    labels = [int(x) for x in torch.randint(0, nlab, (b,))]
    alpha, margin, lam = 0.7, 0.2, 16.0
    qn = torch.nn.functional.normalize(q, dim=1)
    pos, neg = mine(torch.cat([qn, alpha * e], dim=1), labels)
    qv = q.clone().requires_grad_(True)
    qq = qv / (qv.norm(dim=1, keepdim=True) + 1e-8)
    cos = qq @ qq.T
    terms = []
    for i in range(b):
        if pos[i] >= 0 and neg[i] >= 0:
            terms.append(torch.relu(margin + (1 - cos[i, pos[i]]) - (1 - cos[i, neg[i]])))
    loss = (torch.stack(terms).sum() / max(1, len(terms)) if terms else qv.sum() * 0) * lam
    loss.backward()
    cases.append({"q": q.tolist(), "e": e.tolist(), "labels": labels, "alpha": alpha, "margin": margin,
                  "lambda": lam, "positive": pos, "negative": neg, "loss": float(loss),
                  "grad": qv.grad.tolist()})

with open("masr/src/test/resources/fixtures/triplet_reference.json", "w") as f:
    json.dump({"torch_version": torch.__version__, "cases": cases}, f)
print("wrote", len(cases), "cases with torch", torch.__version__)
