"""The client's Qt-free core: the logic between the widgets (``ui/``) and the local cache (``store/``).

Nothing here imports Qt, and ``store/`` imports nothing from here (``tests/test_architecture.py``).
The network (``api_client``, ``live``), sync (``sync_engine``), tickets, applicants, registry look-ups,
attachments, history, and the start's plain files (``paths``, ``config``, ``credentials``,
``resources``). Kept empty so that importing one module stays cheap for the first stage of the start.
"""
