package experiment

import "encoding/json"

// The result types below hold plain float64 statistics that are NaN or
// ±Inf once a network has diverged; JSON has no such numbers, so each
// writes them as null (shadowing the field by the same JSON name) rather
// than failing to encode the whole result.

// MarshalJSON writes the history, null for a non-finite gap or best test
// accuracy.
func (h OverfitHistory) MarshalJSON() ([]byte, error) {
	type plain OverfitHistory
	return json.Marshal(struct {
		plain
		FinalGap   nullFloat `json:"final_gap"`
		MaxTestAcc nullFloat `json:"max_test_acc"`
	}{plain(h), nullFloat(h.FinalGap), nullFloat(h.MaxTestAcc)})
}

// MarshalJSON writes the statistics, null for non-finite ones.
func (s LayerStats) MarshalJSON() ([]byte, error) {
	type plain LayerStats
	return json.Marshal(struct {
		plain
		Mean nullFloat `json:"mean"`
		Std  nullFloat `json:"std"`
	}{plain(s), nullFloat(s.Mean), nullFloat(s.Std)})
}

// MarshalJSON writes the statistics, null for non-finite ones.
func (s GradStats) MarshalJSON() ([]byte, error) {
	type plain GradStats
	return json.Marshal(struct {
		plain
		Mean nullFloat `json:"mean"`
		Std  nullFloat `json:"std"`
		Norm nullFloat `json:"norm"`
	}{plain(s), nullFloat(s.Mean), nullFloat(s.Std), nullFloat(s.Norm)})
}

// MarshalJSON writes the histogram, null for a non-finite bound.
func (h Histogram) MarshalJSON() ([]byte, error) {
	type plain Histogram
	return json.Marshal(struct {
		plain
		Lo nullFloat `json:"lo"`
		Hi nullFloat `json:"hi"`
	}{plain(h), nullFloat(h.Lo), nullFloat(h.Hi)})
}
