package qa

import (
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/gencorpus"
)

// builtIndex is what buildIndex makes that questions read, without the
// caches filled on first use (sync.Once, sync.Pool), for comparing two
// builds.
type builtIndex struct {
	Docs                  []doc
	FactEvidence          map[Kind][]float64
	TermIDs               map[string]int32
	Post                  [][]posting
	IDF                   []float64
	AvgLen, MaxIDF, Mean  float64
	Vocab, Spell          map[string]string
	NameStems             map[string]bool
	ArticleStems          []map[string]bool
	BySuffix              map[string][]string
	Across                map[string]partWord
	ModifierOf, HeadOf    map[string][]string
	PartKeys              []string
	ArtStart, DocArt      []int32
	PostOff, BlockOff     []int32
	Norm                  []float64
	NameBit               []uint64
	Blocks                []artBlock
	OtherScripts          map[string][]string
	FuzzyEdits, FuzzyList int
}

func builtOf(ix *index) builtIndex {
	return builtIndex{
		Docs: ix.docs, FactEvidence: ix.factEvidence, TermIDs: ix.termIDs, Post: ix.post, IDF: ix.idf,
		AvgLen: ix.avgLen, MaxIDF: ix.maxIDF, Mean: ix.meanIDF, Vocab: ix.vocab, Spell: ix.fuzzy.words,
		NameStems: ix.nameStems, ArticleStems: ix.articleStems, BySuffix: ix.bySuffix,
		Across: ix.parts.across, ModifierOf: ix.parts.modifierOf, HeadOf: ix.parts.headOf, PartKeys: ix.parts.keys,
		ArtStart: ix.cand.artStart, DocArt: ix.cand.docArt, PostOff: ix.cand.postOff, BlockOff: ix.cand.blockOff,
		Norm: ix.cand.norm, NameBit: ix.cand.nameBit, Blocks: ix.cand.blocks,
		OtherScripts: ix.scripts.other, FuzzyEdits: ix.fuzzy.maxEdits, FuzzyList: len(ix.fuzzy.list),
	}
}

// TestIndexSameOnAnyCores builds the index of several corpora (generated
// articles in four languages, the test articles, the French, German and
// Russian ones) on one core and on four, twice each: the articles are
// analysed concurrently and the index merged in halves side by side, and
// every build must give the same index as the one-core build, whatever
// the scheduling. (go test -race checks the concurrent builds too.)
func TestIndexSameOnAnyCores(t *testing.T) {
	r, err := NewResources(detectingOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Parser()
	if err != nil {
		t.Fatal(err)
	}
	corpora := map[string]fs.FS{
		"generated":    gencorpus.Generate(60, 7, 2).FS(),
		"articles":     os.DirFS("../testdata/articles"),
		"langarticles": os.DirFS("../testdata/langarticles"),
	}
	for name, fsys := range corpora {
		c, err := corpus.Load(fsys, p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// One analyzer a language for every build, as an engine has,
		// made before the builds call analyzerOf concurrently.
		analyzers := map[*corpus.Article]*analyzer{}
		byLang := map[string]*analyzer{}
		for _, a := range c.Articles {
			code := r.articleLang(a)
			if byLang[code] == nil {
				shared := r.analyzers[code]
				byLang[code] = &analyzer{l: shared.l, shared: shared.memo, memo: map[string]string{}}
			}
			analyzers[a] = byLang[code]
		}
		analyzerOf := func(a *corpus.Article) *analyzer { return analyzers[a] }
		build := func(procs int) builtIndex {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			return builtOf(buildIndex(c, analyzerOf))
		}
		want := build(1)
		if len(want.Docs) == 0 || len(want.TermIDs) == 0 {
			t.Fatalf("%s: an empty index (%d sentences, %d terms)", name, len(want.Docs), len(want.TermIDs))
		}
		for run := range 2 {
			got := build(4)
			if !reflect.DeepEqual(want, got) {
				t.Errorf("%s, run %d: the index built on four cores differs from the one-core build (-one +four):\n%s",
					name, run, cmp.Diff(want, got, cmp.AllowUnexported(doc{}, docToken{}, posting{}, partWord{}, artBlock{}, analyzer{}), cmp.Comparer(func(a, b *analyzer) bool { return a == b })))
			}
		}
	}
}
