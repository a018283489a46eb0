#!/usr/bin/python3
"""A stand-in desktop panel for the tray tests, on the private session bus.

  sni.py watch FILE          own org.kde.StatusNotifierWatcher; append
                             "<sender> <path>" to FILE for each item that registers
  sni.py menu BUS PATH       print the item's menu as JSON [{"id":..,"label":..}]
  sni.py click BUS PATH LABEL  send "clicked" to the menu entry with that label
  sni.py label BUS PATH      print the text shown beside the icon
  sni.py pid BUS             print the process id behind a bus name
"""
import json
import sys

import dbus
import dbus.service

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"


class Watcher(dbus.service.Object):
    def __init__(self, bus, record):
        super().__init__(bus, "/StatusNotifierWatcher")
        self.record = record
        self.items = []

    @dbus.service.method(WATCHER, in_signature="s", out_signature="", sender_keyword="sender")
    def RegisterStatusNotifierItem(self, service, sender=None):
        path = service if service.startswith("/") else "/StatusNotifierItem"
        self.items.append(f"{sender}{path}")
        with open(self.record, "a") as f:
            f.write(f"{sender} {path}\n")
        self.StatusNotifierItemRegistered(f"{sender}{path}")

    @dbus.service.method(WATCHER, in_signature="s", out_signature="")
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(WATCHER, signature="s")
    def StatusNotifierItemRegistered(self, item):
        pass

    @dbus.service.signal(WATCHER, signature="")
    def StatusNotifierHostRegistered(self):
        pass

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return {
            "RegisteredStatusNotifierItems": dbus.Array(self.items, signature="s"),
            "IsStatusNotifierHostRegistered": dbus.Boolean(True),
            "ProtocolVersion": dbus.Int32(0),
        }


def watch(record):
    from dbus.mainloop.glib import DBusGMainLoop
    from gi.repository import GLib

    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = dbus.service.BusName(WATCHER, bus)
    watcher = Watcher(bus, record)
    with open(record, "a") as f:
        f.write("ready\n")
    GLib.MainLoop().run()
    del name, watcher


def menu_object(bus, service, path):
    item = bus.get_object(service, path)
    menu_path = item.Get(ITEM, "Menu", dbus_interface=dbus.PROPERTIES_IFACE)
    return dbus.Interface(bus.get_object(service, menu_path), MENU)


def entries(layout):
    _id, props, children = layout
    found = []
    for child in children:
        cid, cprops, _ = child
        if "label" in cprops:
            found.append({"id": int(cid), "label": str(cprops["label"]).replace("_", "")})
        found.extend(entries(child))
    return found


def main(argv):
    command = argv[1]
    if command == "watch":
        return watch(argv[2])
    bus = dbus.SessionBus()
    if command == "label":
        item = bus.get_object(argv[2], argv[3])
        props = item.GetAll(ITEM, dbus_interface=dbus.PROPERTIES_IFACE)
        print(str(props.get("XAyatanaLabel", "")))
        return 0
    if command == "pid":
        daemon = bus.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
        print(int(daemon.GetConnectionUnixProcessID(argv[2], dbus_interface="org.freedesktop.DBus")))
        return 0
    menu = menu_object(bus, argv[2], argv[3])
    _revision, layout = menu.GetLayout(0, -1, dbus.Array([], signature="s"))
    items = entries(layout)
    if command == "menu":
        print(json.dumps(items))
        return 0
    if command == "click":
        match = [i for i in items if i["label"] == argv[4]]
        if not match:
            print(f"no menu entry {argv[4]!r} in {items}", file=sys.stderr)
            return 1
        menu.Event(match[0]["id"], "clicked", dbus.Int32(0, variant_level=1), dbus.UInt32(0))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
