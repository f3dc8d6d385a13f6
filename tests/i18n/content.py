"""Translated content for the page checks: the browser newsroom's lead story and its
section in Ukrainian and Arabic."""

from dateline.i18n.services import page_translate
from dateline.news.builders import body_blocks

ARABIC_BODY = [
    "اتفق المفاوضون على العودة إلى طاولة المحادثات في جنيف الأسبوع المقبل، بحسب ما أعلنته "
    "الأمم المتحدة يوم الثلاثاء، بعد 14 شهرًا من الجمود.",
    "وقال المبعوث الأممي Henrik Aalto إن جدول الأعمال يتضمن ثلاث نقاط، أولها تبادل "
    "المحتجزين على امتداد خط جبهة طوله 240 كيلومترًا.",
]


def translate_lead_story(newsroom) -> dict[str, str]:
    """Translate World and the lead story; returns the translated articles' paths."""
    world = newsroom.lead.get_parent().specific
    page_translate(page=world, language="uk", publish=True, title="Світ", slug="svit")
    page_translate(page=world, language="ar", publish=True, title="العالم", slug="alalam")
    ukrainian = page_translate(
        page=newsroom.lead,
        language="uk",
        publish=True,
        title="Переговори про перемир'я відновлюються в Женеві",
        standfirst="Сторони вперше за чотирнадцять місяців зустрінуться віч-на-віч.",
        slug="perehovory",
        body=body_blocks({"paragraphs": ["Перший абзац.", "Другий абзац."]}),
    )
    arabic = page_translate(
        page=newsroom.lead,
        language="ar",
        publish=True,
        title="استئناف محادثات وقف إطلاق النار في جنيف بعد 14 شهرًا",
        standfirst="يلتقي الطرفان وجهًا لوجه لأول مرة منذ أكثر من عام.",
        dateline_place="جنيف",
        slug="mufawadat",
        body=body_blocks({"paragraphs": ARABIC_BODY}),
    )
    return {"uk": ukrainian.url, "ar": arabic.url}
