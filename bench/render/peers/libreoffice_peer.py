"""LibreOffice: `soffice --headless --convert-to pdf` of shenbao's own DOCX of one copy.

Not an in-process engine: each conversion is a process start (with a private, pre-warmed
profile so first-run setup is not counted) plus the DOCX import, layout and PDF export. It
sets the fonts the DOCX names: 宋体 (eastAsia) and Times New Roman. Without help it would
substitute AR PL SungtiL GB for 宋体, so a private fontconfig file maps 宋体/SimSun to
AR PL UMing CN — the face every other engine uses.
"""

import os
import shutil
import subprocess
import tempfile
import time

NAME = "libreoffice"


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def available():
    return None if soffice() else "apt-get install -y libreoffice-writer-nogui"


def version():
    out = subprocess.run([soffice(), "--version"], capture_output=True, text=True, timeout=60).stdout
    return out.split()[1] if len(out.split()) > 1 else "?"


FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>AR PL UMing CN</string></edit></match>
  <match target="pattern"><test name="family"><string>SimSun</string></test>
    <edit name="family" mode="assign" binding="strong"><string>AR PL UMing CN</string></edit></match>
</fontconfig>
"""


class Converter:
    def __init__(self, work):
        self.work = work
        self.profile = "file://" + os.path.join(work, "lo-profile")
        self.out = os.path.join(work, "lo-out")
        os.makedirs(self.out, exist_ok=True)
        self.fonts_conf = os.path.join(work, "fonts.conf")
        with open(self.fonts_conf, "w", encoding="utf-8") as f:
            f.write(FONTS_CONF)
        self.env = dict(os.environ, FONTCONFIG_FILE=self.fonts_conf)

    def convert(self, docx):
        """Seconds for one conversion, and the PDF's path."""
        t = time.perf_counter()
        subprocess.run([soffice(), f"-env:UserInstallation={self.profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", self.out, docx], check=True, capture_output=True, timeout=300, env=self.env)
        dt = time.perf_counter() - t
        return dt, os.path.join(self.out, os.path.splitext(os.path.basename(docx))[0] + ".pdf")


def docx_copies(bin_path, records, work):
    """shenbao's one-copy DOCX of each record (untimed: the input LibreOffice converts)."""
    folder = os.path.join(work, "docx")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for r in records:
        out = os.path.join(folder, os.path.splitext(os.path.basename(r))[0] + ".docx")
        subprocess.run([bin_path, "render", "application", r, "-o", out, "--copies", "1"], check=True,
                       capture_output=True)
        paths.append(out)
    return paths


def temp_work():
    return tempfile.mkdtemp(prefix="lo-bench-")
