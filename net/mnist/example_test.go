package mnist_test

import (
	"fmt"
	"log"

	"zerokara/net/mnist"
)

func ExampleLoad() {
	data, err := mnist.Load("../../testdata/mnist")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("train:", data.Train.N, "images of", data.Train.Rows, "×", data.Train.Cols)
	fmt.Println("test:", data.Test.N, "images")
	fmt.Println("first labels:", data.Train.Labels[:10])

	// Scale the pixels to [0, 1] and one-hot encode the labels for a
	// network, here for the first 100 training images.
	small := data.Train.Subset(100)
	x := small.NormalizedImages32()
	t := mnist.OneHot[float32](small.Labels, 10)
	fmt.Println(len(x), len(t))
	// Output:
	// train: 60000 images of 28 × 28
	// test: 10000 images
	// first labels: [5 0 4 1 9 2 1 3 1 4]
	// 78400 1000
}

func ExampleOneHot() {
	fmt.Println(mnist.OneHot[float32]([]uint8{2, 0}, 3))
	// Output: [0 0 1 1 0 0]
}
