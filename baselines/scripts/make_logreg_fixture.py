#!/usr/bin/python3
"""Reference fits of multinomial L2 logistic regression, computed with scikit-learn (Debian python3-sklearn).

Writes baselines/src/test/resources/fixtures/logreg_reference.json: for a few small synthetic problems (3 classes,
imbalanced 3 classes with class_weight="balanced", 2 classes), the inputs (X, y, C, balanced), and scikit-learn's
coefficients, intercepts and predicted probabilities of LogisticRegression(solver="lbfgs", multi_class="multinomial")
fitted to a tight tolerance. LogisticRegressionTest fits the same problems with the Java L-BFGS and compares.
Run: /usr/bin/python3 baselines/scripts/make_logreg_fixture.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

rng = np.random.RandomState(20240611)


def problem(counts, dim, spread):
    xs, ys = [], []
    for label, n in enumerate(counts):
        centre = rng.normal(0, spread, size=dim)
        xs.append(centre + rng.normal(0, 1, size=(n, dim)))
        ys += [label] * n
    return np.round(np.vstack(xs), 6), np.array(ys)


cases = []
for name, counts, dim, spread, c, balanced in [
    ("three-classes", [20, 20, 20], 5, 1.0, 1.0, False),
    ("imbalanced-balanced-weights", [30, 15, 5], 4, 1.0, 0.1, True),
    ("binary", [25, 20], 3, 0.8, 10.0, False),
]:
    x, y = problem(counts, dim, spread)
    model = LogisticRegression(C=c, solver="lbfgs", multi_class="multinomial", tol=1e-12, max_iter=100000,
                               class_weight="balanced" if balanced else None)
    model.fit(x, y)
    coef = model.coef_
    intercept = model.intercept_
    if coef.shape[0] == 1:
        # Binary multinomial: scikit-learn keeps the row of class 1; class 0's is its negation (the L2 optimum of
        # the symmetric softmax), and likewise the intercepts.
        coef = np.vstack([-coef, coef])
        intercept = np.concatenate([-intercept, intercept])
    cases.append({
        "name": name, "C": c, "balanced": balanced, "num_classes": len(counts),
        "x": x.tolist(), "y": y.tolist(),
        "coef": coef.tolist(), "intercept": intercept.tolist(),
        "probabilities": model.predict_proba(x).tolist(),
        "accuracy": float((model.predict(x) == y).mean()),
    })

out = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "fixtures", "logreg_reference.json")
with open(out, "w") as f:
    json.dump({"generator": "baselines/scripts/make_logreg_fixture.py", "sklearn": sklearn.__version__,
               "numpy": np.__version__, "cases": cases}, f, indent=1)
print("wrote", os.path.normpath(out))
