package experiment

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestOverfitShape(t *testing.T) {
	cfg := BookOverfitConfig()
	cfg.Data, cfg.Epochs, cfg.DropoutEpochs = mnistData(t), 5, 7
	partial, err := NewOverfitResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Overfit(context.Background(), cfg, partial.Apply)
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, partial.Variants) != mustJSON(t, res.Variants) {
		t.Error("the result built from the streamed events differs from the returned one")
	}
	for _, h := range res.Variants {
		want := cfg.epochs(h.Name)
		if len(h.Epochs) != want || len(h.TrainAcc) != want || h.Epochs[want-1] != float64(want-1) {
			t.Errorf("%s: %d points up to epoch %v, want %d", h.Name, len(h.Epochs), h.Epochs[len(h.Epochs)-1], want)
		}
		if last := len(h.TrainAcc) - 1; h.FinalGap != h.TrainAcc[last]-h.TestAcc[last] || h.MaxTestAcc < h.TestAcc[last] {
			t.Errorf("%s: gap %v, best %v", h.Name, h.FinalGap, h.MaxTestAcc)
		}
	}
	b, _ := json.Marshal(res)
	for _, key := range []string{`"variants":[{"name":"plain","epochs":[0,`, `"train_acc":`, `"test_acc":`, `"final_gap":`, `"max_test_acc":`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	var bad OverfitConfig = cfg
	bad.Variants = []OverfitVariant{"mixup"}
	if _, err := Overfit(context.Background(), bad, nil); err == nil {
		t.Error("an unknown variant was accepted")
	}
}

// TestOverfitBookClaims is the book's full setup: the plain network learns
// its 300 images by heart while the test accuracy stays far below, and
// weight decay lowers the training accuracy.
func TestOverfitBookClaims(t *testing.T) {
	fullExperiment(t)
	cfg := BookOverfitConfig()
	cfg.Data = mnistData(t)
	cfg.Variants = []OverfitVariant{Plain, WeightDecay}
	res, err := Overfit(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, wd := res.Variants[0], res.Variants[1]
	last := len(plain.TrainAcc) - 1
	t.Logf("plain train %.3f test %.3f; weight decay train %.3f test %.3f", plain.TrainAcc[last], plain.TestAcc[last], wd.TrainAcc[last], wd.TestAcc[last])
	if plain.TrainAcc[last] < 0.98 || plain.FinalGap < 0.15 {
		t.Errorf("plain: final train %.3f, gap %.3f; want ≥ 0.98 and a gap ≥ 0.15", plain.TrainAcc[last], plain.FinalGap)
	}
	if !(wd.TrainAcc[last] < plain.TrainAcc[last]-0.03) || !(wd.FinalGap < plain.FinalGap) {
		t.Errorf("weight decay: train %.3f (plain %.3f), gap %.3f (plain %.3f); want both lower", wd.TrainAcc[last], plain.TrainAcc[last], wd.FinalGap, plain.FinalGap)
	}
}
