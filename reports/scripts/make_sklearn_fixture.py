#!/usr/bin/python3
"""Reference accuracy, macro-F1 and pooled one-vs-rest EER computed with scikit-learn (Debian python3-sklearn).

Writes reports/src/test/resources/fixtures/sklearn_lid.csv (a scores table: id,true,<class>...) and
sklearn_lid.json (the metrics). EER: roc_curve on the flattened one-hot labels and scores, the point where
fpr = 1 - tpr, interpolated linearly between the bracketing points.
Run from the repository root: /usr/bin/python3 reports/scripts/make_sklearn_fixture.py
"""
import json
import numpy as np
from sklearn.metrics import accuracy_score, f1_score, roc_curve

rng = np.random.default_rng(7)
n, k = 200, 7
classes = [f"l{i}" for i in range(k)]
truth = rng.integers(0, k, n)
scores = rng.normal(size=(n, k)).astype(np.float32)
scores[np.arange(n), truth] += rng.uniform(0, 2.5, n).astype(np.float32)   # better than chance, not perfect
scores = np.round(scores, 6)
pred = scores.argmax(1)
onehot = np.eye(k)[truth]
fpr, tpr, _ = roc_curve(onehot.ravel(), scores.ravel())
fnr = 1 - tpr
i = np.where(fpr >= fnr)[0][0]
if i == 0:
    eer = fpr[0]
else:
    d0, d1 = fnr[i - 1] - fpr[i - 1], fnr[i] - fpr[i]
    a = d0 / (d0 - d1)
    eer = fpr[i - 1] + a * (fpr[i] - fpr[i - 1])
with open("reports/src/test/resources/fixtures/sklearn_lid.csv", "w") as f:
    f.write("id,true," + ",".join(classes) + "\n")
    for j in range(n):
        f.write(f"u{j},{classes[truth[j]]}," + ",".join(f"{v:.6f}" for v in scores[j]) + "\n")
labels = sorted(set(truth) | set(pred))
json.dump({"accuracy": 100 * accuracy_score(truth, pred),
           "macro_f1": 100 * f1_score(truth, pred, average="macro", labels=labels),
           "eer": 100 * float(eer)}, open("reports/src/test/resources/fixtures/sklearn_lid.json", "w"), indent=1)
print("wrote fixture")
