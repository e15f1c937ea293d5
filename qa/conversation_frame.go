package qa

// What a conversation remembers between turns: the entities pronouns
// stand for, resolved by kind and gender, and the frame of the last
// answer.

import (
	"strings"

	"github.com/qabot/qabot/corpus"
)

// entityGroup makes a question word of an entity.
func (s *Conversations) entityGroup(ent entity) termGroup {
	alts := []alt{{stems: ent.stems, weight: weightExact}}
	g := termGroup{surface: ent.text, alts: alts, idf: s.e.groupIDF(alts)}
	return g
}

// resolve finds the entities the question's pronouns stand for: a person
// for "he" and "she" (by gender when the article shows it), a group for
// "they". "It" and "that" stand for the topic, which the frame keeps.
func (s *Conversations) resolve(f *frame, t *turn) []entity {
	var out []entity
	used := map[string]bool{}
	for _, p := range t.prons {
		// A person the article shows to be of the pronoun's gender first,
		// then anyone the pronoun fits.
		best := -1
		for i, ent := range f.ents {
			if used[strings.Join(ent.stems, " ")] || !s.fits(p, ent, i) {
				continue
			}
			if best < 0 {
				best = i
			}
			if p.gender == 'm' || p.gender == 'f' {
				if s.genderOf(ent) == p.gender {
					best = i
					break
				}
			}
		}
		if best >= 0 {
			used[strings.Join(f.ents[best].stems, " ")] = true
			out = append(out, f.ents[best])
		}
	}
	return out
}

// fits reports whether a pronoun can stand for an entity. rank is the
// entity's place in the frame: pronouns that do not say "person" only
// reach the entities of the last turn.
func (s *Conversations) fits(p pronoun, ent entity, rank int) bool {
	switch {
	case p.class == pronPlace:
		// "there", "the country": a place just named.
		return ent.kind == corpus.NamePlace && rank < 4
	case p.class == pronNeutral, p.class == pronThing:
		return false // the topic, which the frame keeps
	case p.number == 'p':
		return ent.kind == corpus.NameOrg
	case ent.kind != corpus.NamePerson:
		return false
	case p.class == pronAny && rank >= 4:
		return false
	}
	g := s.genderOf(ent)
	return p.gender == 0 || p.gender == 'n' || g == 0 || g == p.gender
}

func (s *Conversations) genderOf(ent entity) byte {
	if ent.gender != 0 {
		return ent.gender
	}
	for _, st := range ent.stems {
		if g := s.genders[st]; g != 0 {
			return g
		}
	}
	return 0
}

// remember records what a turn quoted: the sentence, its short answer,
// and the entities of the question and of the sentence, most salient
// first.
func (s *Conversations) remember(c *Conversation, t *turn, doc int, text string, refs []termGroup) {
	f := c.f
	// What the question was about comes first: "they" after "what is the
	// WMO?" is the WMO, not the UN its answer also names.
	var ents []entity
	var run []termGroup // consecutive name words: "sigrid" "halvorsen"
	flush := func() {
		if len(run) > 0 {
			ents = append(ents, s.runEntity(run))
			run = nil
		}
	}
	for _, g := range t.own {
		if s.isNameLike(g) && len(g.alts) > 0 && !isNumberGroup(g) {
			run = append(run, g)
			continue
		}
		flush()
	}
	flush()
	for _, g := range refs {
		ents = append(ents, s.groupEntity(g))
	}
	if doc >= 0 {
		f.doc, f.text = doc, text
		f.recent = pushFront(f.recent, doc, maxRecent)
		if !containsInt(f.shown, doc) {
			f.shown = pushFront(f.shown, doc, maxShown)
		}
		ents = append(ents, s.sentenceEntities(doc)...)
	}
	f.ents = mergeEntities(ents, f.ents)
	for i := range f.topic {
		if len(f.topic[i].g.alts) > maxAlts {
			f.topic[i].g.alts = f.topic[i].g.alts[:maxAlts]
		}
	}
	if len(f.topic) > maxTopic {
		f.topic = f.topic[:maxTopic]
	}
}

func pushFront(list []int, v, limit int) []int {
	out := make([]int, 0, min(len(list)+1, limit))
	out = append(out, v)
	for _, x := range list {
		if x != v && len(out) < limit {
			out = append(out, x)
		}
	}
	return out
}

// sentenceEntities returns the entities of a sentence: the speaker of its
// quote first, then its names in order.
func (s *Conversations) sentenceEntities(doc int) []entity {
	e := s.e
	f := &e.idx.docs[doc].sentence.Facts
	var out []entity
	if q := f.Quote; q != nil && q.Resolved != "" {
		if st := e.article.stems(q.Resolved); len(st) > 0 {
			out = append(out, entity{text: q.Resolved, stems: st, kind: s.kindOf(st)})
		}
	}
	for _, n := range f.Names {
		if st := e.article.stems(n.Text); len(st) > 0 {
			out = append(out, entity{text: n.Text, stems: st, kind: n.Kind})
		}
	}
	return out
}

// runEntity makes one entity of consecutive name words of a question.
func (s *Conversations) runEntity(run []termGroup) entity {
	if len(run) == 1 {
		return s.groupEntity(run[0])
	}
	var stems, words []string
	for _, g := range run {
		stems = append(stems, g.alts[0].stems...)
		words = append(words, g.surface)
	}
	return entity{text: strings.Join(words, " "), stems: stems, kind: s.kindOf(stems)}
}

// groupEntity makes an entity of a question word that names something.
func (s *Conversations) groupEntity(g termGroup) entity {
	st := g.alts[0].stems
	return entity{text: g.surface, stems: st, kind: s.kindOf(st)}
}

// kindOf returns the kind of the corpus name that has these words.
func (s *Conversations) kindOf(stems []string) corpus.NameKind {
	kind := corpus.NameOther
	for _, st := range stems {
		if k, ok := s.nameKinds[st]; ok {
			if k == corpus.NamePerson {
				return k
			}
			kind = k
		}
	}
	return kind
}

// mergeEntities puts the new entities before the old, without repeats
// (a name repeated keeps its first, most salient place), within maxEnts.
func mergeEntities(fresh, old []entity) []entity {
	out := make([]entity, 0, maxEnts)
	seen := map[string]bool{}
	for _, list := range [][]entity{fresh, old} {
		for _, ent := range list {
			key := strings.Join(ent.stems, " ")
			if seen[key] || len(out) == maxEnts {
				continue
			}
			seen[key] = true
			out = append(out, ent)
		}
	}
	return out
}
