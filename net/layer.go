package net

// Layer is one stage of a network.
//
// Forward computes the output for a batch x (one sample per row); train
// selects training behaviour where it differs (BatchNorm's batch
// statistics, Dropout's mask). Backward takes the gradient of the loss with
// respect to the last output and returns the gradient with respect to that
// Forward's input, filling the gradients of Params on the way; it may
// overwrite dout. Returned matrices belong to the layer and are overwritten
// by its next call.
type Layer[T Float] interface {
	Forward(x *Matrix[T], train bool) *Matrix[T]
	Backward(dout *Matrix[T]) *Matrix[T]
	Params() []Param[T]
}

// Param is a trainable parameter and the gradient the last Backward left
// for it. Optimizers update Value in place. Network.Step with plain SGD
// updates affine weights without filling their Grad, which is then stale.
type Param[T Float] struct {
	Name  string
	Value *Matrix[T]
	Grad  *Matrix[T]
}
