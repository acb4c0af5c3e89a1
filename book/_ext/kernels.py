"""Encrypt the connection to the kernels that run the chapters.

myst-nb runs each chapter in a kernel that it talks to over local TCP
sockets. ipykernel (7.x) warns, once per chapter, when those sockets carry
code and outputs unencrypted. jupyter_client (8.9 and later) can give the
kernel CurveZMQ keys when it starts one (`transport_encryption`), for
kernels whose kernelspec says they support it, as ipykernel's does. myst-nb
creates its kernel managers without a traitlets configuration, so this
extension sets the policy as the managers' default, before any chapter runs.
"""

from jupyter_client import KernelManager


def setup(app):
    traits = KernelManager.class_traits()
    if "transport_encryption" not in traits:
        raise RuntimeError(
            "book/_ext/kernels.py needs jupyter_client 8.9 or later, whose "
            "KernelManager has a transport_encryption setting; re-check it "
            "after changing the pinned jupyter_client."
        )
    # "auto": encrypt whenever the kernelspec declares CurveZMQ support.
    traits["transport_encryption"].default_value = "auto"
    return {"version": "1.0", "parallel_read_safe": True}
