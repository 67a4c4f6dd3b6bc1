#!/usr/bin/python3
"""Reference accuracy, macro-F1, pooled one-vs-rest EER (and O/NO accuracy, confusion, recall) from scikit-learn.

Uses Debian's python3-sklearn (apt-get install -y python3-sklearn). Run from the repository root:
    /usr/bin/python3 reports/scripts/make_sklearn_fixture.py
Writes, under reports/src/test/resources/fixtures/:
  sklearn_metrics.json  classes, overlapped classes, truth, scores and sklearn's metrics (ClassificationMetricsSklearnTest)
  sklearn_lid.csv/.json the same scores as a scores table (id,true,<class>...) and metrics (ScoringTest)
EER: roc_curve on the flattened one-hot labels and scores; the point where fpr = 1 - tpr, interpolated linearly
between the two bracketing ROC points.
"""
import json
import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, recall_score, roc_curve

OUT = "reports/src/test/resources/fixtures/"
rng = np.random.default_rng(7)
n, k = 200, 7
classes = [f"l{i}" for i in range(k)]
overlapped = ["l0", "l1", "l2"]
truth = rng.integers(0, k, n)
scores = rng.normal(size=(n, k)).astype(np.float32)
scores[np.arange(n), truth] += rng.uniform(0, 2.5, n).astype(np.float32)   # better than chance, not perfect
scores = np.round(scores, 6)
pred = scores.argmax(1)                                                     # numpy: ties -> lowest index
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
labels = sorted(set(truth) | set(pred))
acc = 100 * accuracy_score(truth, pred)
f1 = 100 * f1_score(truth, pred, average="macro", labels=labels)
is_o = np.isin(truth, [classes.index(c) for c in overlapped])

with open(OUT + "sklearn_lid.csv", "w") as f:
    f.write("id,true," + ",".join(classes) + "\n")
    for j in range(n):
        f.write(f"u{j},{classes[truth[j]]}," + ",".join(f"{v:.6f}" for v in scores[j]) + "\n")
json.dump({"accuracy": acc, "macro_f1": f1, "eer": 100 * float(eer)},
          open(OUT + "sklearn_lid.json", "w"), indent=1)

fixture = {
    "generator": f"reports/scripts/make_sklearn_fixture.py, scikit-learn {sklearn.__version__}, numpy seed 7",
    "classes": classes,
    "overlapped": overlapped,
    "truth": [int(t) for t in truth],
    "scores": [[float(f"{v:.6f}") for v in row] for row in scores],
    "accuracy": acc,
    "accuracy_overlapped": 100 * accuracy_score(truth[is_o], pred[is_o]),
    "accuracy_non_overlapped": 100 * accuracy_score(truth[~is_o], pred[~is_o]),
    "macro_f1": f1,
    "eer": 100 * float(eer),
    "confusion": confusion_matrix(truth, pred, labels=list(range(k))).tolist(),
    "recall": [100 * r for r in recall_score(truth, pred, labels=list(range(k)), average=None, zero_division=0)],
}
with open(OUT + "sklearn_metrics.json", "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
print(f"wrote fixtures: acc {acc:.4f} macro-F1 {f1:.4f} EER {100 * eer:.4f}")
