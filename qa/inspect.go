package qa

import (
	"context"
	"math"
)

// A Candidate is a sentence the first stage of the ranking found for a
// question, with the features the learned ranker weighs.
type Candidate struct {
	Quote Citation
	// Features are in the order of FeatureNames.
	Features []float64
}

// An Inspection is what the engine weighed to answer one question: the
// trainer (internal/train) fits the ranker and its calibration on it.
type Inspection struct {
	// Answer is what Ask gives with the ranker inspected and no
	// abstention: Answered is false only when no candidate has the kind of
	// fact the question needs (or the question is unusable).
	Answer Answer
	// Candidates are the first stage's best sentences, in its order, as
	// many as the ranker reorders (DefaultCandidates without a ranker).
	Candidates []Candidate
	// Calibration describes the answer's sentence, in the order of
	// CalibrationNames; nil when there is no answer or no ranker.
	Calibration []float64
	// Pair is the question's and the answer's article's languages, as
	// Calibration.Probability reads them ("es>en"); "" without Calibration.
	Pair string
	// Scored is how many candidates the ranker scored
	// (Calibration.ProbabilityAmong); 0 without Calibration.
	Scored int
}

// DefaultCandidates is how many first-stage candidates Inspect describes
// when it is given no ranker.
const DefaultCandidates = 40

// Inspect answers q as Ask does, but with ranker r (nil: the first stage
// alone) and without abstaining, and returns what it weighed.
func (e *Engine) Inspect(ctx context.Context, q Question, r *Ranker) (Inspection, error) {
	if err := ctx.Err(); err != nil {
		return Inspection{}, err
	}
	ins := Inspection{}
	ans, qy, ok := e.prepare(q)
	if !ok || len(qy.group) == 0 {
		ins.Answer = e.finish(ans, qy, result{})
		if !ok {
			ins.Answer = ans
		}
		return ins, nil
	}
	ec := *e
	ec.ranker = r
	ec.opts.MinConfidence = math.Inf(-1)
	ec.opts.MinCoverage = math.Inf(-1)

	first, seen, b := e.candidates(ctx, qy, 0)
	if b == nil {
		if err := ctx.Err(); err != nil {
			return Inspection{}, err
		}
	} else {
		defer e.idx.cand.put(b)
	}
	k := DefaultCandidates
	if r != nil {
		k = r.Candidates
	}
	k = min(k, len(first))
	cands := append([]ranked(nil), first[:k]...)
	e.scoreCandidates(qy, cands, seen, nil)
	for _, c := range cands {
		ins.Candidates = append(ins.Candidates, Candidate{Quote: e.cite(c.doc), Features: c.x})
	}

	ranked := ec.rerank(r, qy, first, seen, nil)
	res := ec.pick(qy, ranked)
	ins.Answer = ec.finish(ans, qy, res)
	if res.found && r != nil {
		for i, c := range ranked {
			if c.doc == res.doc {
				x, _ := ec.extract(qy, c.doc)
				ins.Calibration = ec.calibrationFeatures(qy, ranked, i, x, res.evidence)
				ins.Pair = ec.languagePair(qy, c.doc)
				ins.Scored = scoredOf(ranked)
				break
			}
		}
	}
	return ins, nil
}
