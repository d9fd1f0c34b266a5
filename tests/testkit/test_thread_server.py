"""The browser suite's in-thread server closes a response whose client hung up, so no file is left open."""

from testkit.serving import RESPONSE, _ClosingHandler


class Body:
    closed = False

    def __iter__(self) -> "Body":
        return self

    def __next__(self) -> bytes:
        raise StopIteration

    def close(self) -> None:
        self.closed = True


def test_a_response_whose_client_hung_up_is_closed() -> None:
    body = Body()
    handler = _ClosingHandler.__new__(_ClosingHandler)  # the hook alone: no socket is needed to call it

    handler.connection_dropped(ConnectionResetError(), {RESPONSE: body})

    assert body.closed
