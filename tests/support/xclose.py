#!/usr/bin/python3
"""Closes a top-level window the way a window manager does: by sending it
WM_DELETE_WINDOW (what the person's click on the title bar's X does).

  xclose.py TITLE     close every mapped window titled TITLE; exit 1 if none
  xclose.py --count TITLE   print how many mapped windows have that title
"""
import sys

from Xlib import X, display, protocol


def windows_titled(d, title):
    found = []
    stack = [d.screen().root]
    while stack:
        w = stack.pop()
        try:
            name = w.get_wm_name()
            attrs = w.get_attributes()
        except Exception:
            continue
        if name == title and attrs.map_state == X.IsViewable:
            found.append(w)
        try:
            stack.extend(w.query_tree().children)
        except Exception:
            pass
    return found


def main(argv):
    d = display.Display()
    if argv[1] == "--count":
        print(len(windows_titled(d, argv[2])))
        return 0
    targets = windows_titled(d, argv[1])
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    for w in targets:
        event = protocol.event.ClientMessage(
            window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        w.send_event(event, event_mask=X.NoEventMask)
    d.flush()
    return 0 if targets else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
