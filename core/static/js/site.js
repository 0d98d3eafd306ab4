/* Nejat Society: small progressive enhancements. Everything works without this file;
   it only adds submenu toggles, Escape handling and the gallery viewer.
   No inline scripts anywhere (strict CSP): translated labels (and the edition's digits)
   come from data-* attributes. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var spriteUse = document.querySelector("svg.icon use");
  var sprite = spriteUse ? spriteUse.getAttribute("href").split("#")[0] : "";

  function icon(name) {
    return '<svg class="icon" aria-hidden="true" focusable="false" width="20" height="20"><use href="' +
      sprite + "#" + name + '"></use></svg>';
  }

  /* ---------- Main menu dropdowns ---------- */
  var menuItems = Array.prototype.slice.call(document.querySelectorAll("[data-submenu]"));

  function setOpen(item, open) {
    var button = item.querySelector(".submenu-toggle");
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) item.classList.remove("is-dismissed");
  }

  function closeAll(except) {
    menuItems.forEach(function (item) {
      if (item !== except) setOpen(item, false);
    });
  }

  menuItems.forEach(function (item) {
    var button = item.querySelector(".submenu-toggle");
    if (!button) return;
    button.hidden = false;

    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      closeAll(item);
      setOpen(item, !open);
      if (open) item.classList.add("is-dismissed");
    });

    item.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      setOpen(item, false);
      item.classList.add("is-dismissed");
      button.focus();
    });

    item.addEventListener("focusout", function (event) {
      if (!item.contains(event.relatedTarget)) {
        setOpen(item, false);
        item.classList.remove("is-dismissed");
      }
    });

    item.addEventListener("mouseleave", function () {
      item.classList.remove("is-dismissed");
    });
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-submenu]")) closeAll();
    var mobile = document.querySelector("[data-mobile-menu][open]");
    if (mobile && !mobile.contains(event.target)) mobile.open = false;
  });

  /* ---------- Mobile menu (a <details>): Escape closes it ---------- */
  var mobileMenu = document.querySelector("[data-mobile-menu]");
  if (mobileMenu) {
    mobileMenu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && mobileMenu.open) {
        mobileMenu.open = false;
        mobileMenu.querySelector("summary").focus();
      }
    });
  }

  /* ---------- Form error summary: move focus to it ---------- */
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) errorSummary.focus();

  /* ---------- Gallery viewer ---------- */
  function initGallery(gallery) {
    var photos = gallery.querySelectorAll("[data-gallery-photo]");
    var thumbs = gallery.querySelectorAll("[data-gallery-index]");
    if (!photos.length || typeof HTMLDialogElement !== "function") return;
    var labels = gallery.dataset;
    var current = 0;

    /* Numbers in the edition's digits: data-digits is "0123456789" written as the page's
       language writes them (Persian digits in Persian). */
    function digits(number) {
      var set = labels.digits || "";
      return String(number).replace(/[0-9]/g, function (d) { return set.length === 10 ? set.charAt(d) : d; });
    }

    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", labels.labelDialog || "");
    dialog.innerHTML =
      '<div class="lightbox__bar"><p class="lightbox__counter" aria-live="polite"></p>' +
      '<button type="button" class="lightbox__close">' + icon("close") + "</button></div>" +
      '<div class="lightbox__stage">' +
      '<button type="button" class="lightbox__prev">' + icon("arrow") + "</button>" +
      "<figure><img alt=\"\"><figcaption></figcaption></figure>" +
      '<button type="button" class="lightbox__next">' + icon("arrow") + "</button></div>";
    document.body.appendChild(dialog);

    var counter = dialog.querySelector(".lightbox__counter");
    var closeButton = dialog.querySelector(".lightbox__close");
    var prevButton = dialog.querySelector(".lightbox__prev");
    var nextButton = dialog.querySelector(".lightbox__next");
    var image = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    closeButton.setAttribute("aria-label", labels.labelClose || "Close");
    prevButton.setAttribute("aria-label", labels.labelPrevious || "Previous");
    nextButton.setAttribute("aria-label", labels.labelNext || "Next");

    function show(index) {
      if (index < 0 || index >= photos.length) return;
      current = index;
      var source = photos[index].querySelector("img");
      var text = photos[index].querySelector(".gallery__caption");
      image.src = source.currentSrc || source.src;
      image.alt = source.alt;
      if (source.width) image.width = source.width;
      if (source.height) image.height = source.height;
      caption.textContent = text ? text.textContent : "";
      caption.hidden = !text;
      counter.textContent = (labels.labelCounter || "{n} / {total}")
        .replace("{n}", digits(index + 1)).replace("{total}", digits(photos.length));
      prevButton.disabled = index === 0;
      nextButton.disabled = index === photos.length - 1;
      if (document.activeElement && document.activeElement.disabled) {
        (prevButton.disabled ? nextButton : prevButton).focus();
      }
      var next = photos[index + 1] && photos[index + 1].querySelector("img");
      if (next) new Image().src = next.currentSrc || next.src;
    }

    function open(index) {
      dialog.showModal();
      show(index);
    }

    prevButton.addEventListener("click", function () { show(current - 1); });
    nextButton.addEventListener("click", function () { show(current + 1); });
    closeButton.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog || event.target.classList.contains("lightbox__stage")) dialog.close();
    });
    dialog.addEventListener("close", function () {
      var thumb = thumbs[current];
      if (thumb) thumb.focus();
    });
    dialog.addEventListener("keydown", function (event) {
      var rtl = getComputedStyle(dialog).direction === "rtl";
      if (event.key === "ArrowRight") show(current + (rtl ? -1 : 1));
      else if (event.key === "ArrowLeft") show(current + (rtl ? 1 : -1));
      else if (event.key === "Home") show(0);
      else if (event.key === "End") show(photos.length - 1);
      else return;
      event.preventDefault();
    });

    var touchX = null;
    dialog.addEventListener("touchstart", function (event) {
      touchX = event.changedTouches[0].clientX;
    }, { passive: true });
    dialog.addEventListener("touchend", function (event) {
      if (touchX === null) return;
      var delta = event.changedTouches[0].clientX - touchX;
      var rtl = getComputedStyle(dialog).direction === "rtl";
      touchX = null;
      if (Math.abs(delta) < 50) return;
      show(current + ((delta < 0) !== rtl ? 1 : -1));
    });

    Array.prototype.forEach.call(thumbs, function (thumb) {
      thumb.addEventListener("click", function (event) {
        event.preventDefault();
        open(parseInt(thumb.getAttribute("data-gallery-index"), 10) || 0);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), initGallery);
})();
